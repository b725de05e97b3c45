using System.Text;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Testing;
using NetTerm.Testing.Smtp;

namespace NetTerm.Smtp.Tests.Profile;

public sealed class SmtpProfileExportTests : IClassFixture<TestCertificates>
{
    private readonly TestCertificates _certs;

    public SmtpProfileExportTests(TestCertificates certs) => _certs = certs;

    [Fact]
    public async Task Reproduce_StartTlsAuthAndMessage_SendCommandWithEnvelopeAndTheMessageAsSent()
    {
        await using var server = new FakeSmtpServer(new FakeSmtpServerOptions { Certificate = _certs.Leaf });
        await using var h = new SmtpProfileHarness(server.Port, caFile: _certs.CaPemPath);
        var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0alice\0wonderland"));

        await h.SendAllAsync("EHLO client.test", "STARTTLS", "EHLO client.test", "AUTH PLAIN " + plain,
            "MAIL FROM:<a@fake.test>", "RCPT TO:<b@fake.test>", "RCPT TO:<c@fake.test>", "DATA", "Subject: hi", "", ".dot", ".");
        await h.WaitForAnnotationAsync("message accepted");
        var options = new SessionOptions("127.0.0.1", server.Port) { UpgradeTls = new TlsOptions("localhost", CaFile: _certs.CaPemPath) };

        var script = h.Profile.Reproduce(options, "x-")!;

        Assert.Equal(
            $"netterm smtp send --server 127.0.0.1 --port {server.Port} --ca {Path.GetFullPath(_certs.CaPemPath)} --starttls always --helo client.test "
            + "--auth PLAIN --user alice --password-env NETTERM_PASSWORD --from a@fake.test --to b@fake.test --to c@fake.test --eml x-message.eml",
            script.Command);
        var eml = Assert.Single(script.Files);
        Assert.Equal("x-message.eml", eml.Name);
        Assert.Equal("Subject: hi\r\n\r\n.dot\r\n", eml.Content); // as typed: the sender dot-stuffs again
        Assert.DoesNotContain("wonderland", script.Command + string.Concat(script.Notes), StringComparison.Ordinal);
        Assert.DoesNotContain(plain, script.Command, StringComparison.Ordinal);
        Assert.Contains(script.Notes, n => n.Contains("NETTERM_PASSWORD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reproduce_NoTransaction_StopsWhereTheSessionStopped()
    {
        await using var server = new FakeSmtpServer();
        await using var h = new SmtpProfileHarness(server.Port);

        await h.SendAllAsync("EHLO client.test");

        var script = h.Profile.Reproduce(new SessionOptions("127.0.0.1", server.Port), "x-")!;

        Assert.EndsWith("--starttls never --helo client.test --quit-after helo", script.Command, StringComparison.Ordinal);
        Assert.Empty(script.Files);
    }
}
