using System.Net;
using System.Text;
using NetTerm.Core.Sessions;
using NetTerm.Smtp.Sandbox;
using NetTerm.Smtp.Tests.Profile;

namespace NetTerm.Smtp.Tests.Sandbox;

/// <summary>The sandbox driven by NetTerm's own SMTP client (the profile on a real session).</summary>
public sealed class SandboxServerTests
{
    private static readonly string _goodPlain = Convert.ToBase64String("\0demo\0sandbox"u8);

    [Fact]
    public async Task StartAsync_PortZero_BindsLoopbackAndGreets()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        await using var h = new SmtpProfileHarness(sandbox.Server.Port);

        await h.Driver.WaitForTextAsync("220 sandbox.test ESMTP NetTerm sandbox\r\n");

        Assert.Equal(IPAddress.Loopback, sandbox.Info.Endpoint.Address);
        Assert.NotEqual(0, sandbox.Server.Port);
        Assert.True(File.Exists(sandbox.Info.CertificatePemPath));
    }

    [Fact]
    public async Task Ehlo_BeforeTls_AdvertisesEsmtpKeywordsButNotAuth()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        await using var h = new SmtpProfileHarness(sandbox.Server.Port);

        await h.SendAllAsync("EHLO client.test");
        await h.Driver.WaitForTextAsync("250 SIZE 10485760\r\n");

        var text = h.Driver.ReceivedText;
        Assert.Contains("250-sandbox.test greets client.test\r\n", text, StringComparison.Ordinal);
        foreach (var keyword in new[] { "PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES", "STARTTLS", "SIZE 10485760" })
        {
            Assert.Contains($"-{keyword}\r\n", text.Replace("250 ", "250-", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("AUTH", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartTls_SandboxCertificate_VerifiedWithPrintedFingerprintAndAuthOffered()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        await using var h = new SmtpProfileHarness(sandbox.Server.Port, caFile: sandbox.Info.CertificatePemPath);

        await StartTlsAsync(h);

        var tls = h.Driver.Events.OfType<TlsEstablishedEvent>().Single();
        Assert.True(tls.Certificate.Verified, tls.Certificate.VerificationError);
        Assert.Equal(sandbox.Info.CertificateSha256, tls.Certificate.Sha256Fingerprint);
        Assert.Contains(sandbox.Info.CertificateSha256, string.Join('\n', sandbox.Info.Table()), StringComparison.Ordinal);
        Assert.Contains("250 AUTH PLAIN LOGIN\r\n", h.Driver.ReceivedText, StringComparison.Ordinal);
        Assert.Contains("220 2.0.0 ready when you are\r\n", h.Driver.ReceivedText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sandbox", "235 2.7.0 go ahead\r\n")]
    [InlineData("wrong", "535 5.7.8 authentication failed")]
    public async Task Auth_Plain_GoodAndBadPassword(string password, string expected)
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        await using var h = new SmtpProfileHarness(sandbox.Server.Port, caFile: sandbox.Info.CertificatePemPath);
        await StartTlsAsync(h);

        await h.SendAllAsync("AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0demo\0{password}")));

        await h.Driver.WaitForTextAsync(expected);
    }

    [Theory]
    [InlineData("sandbox", "235 2.7.0 go ahead\r\n")]
    [InlineData("wrong", "535 5.7.8 authentication failed")]
    public async Task Auth_Login_GoodAndBadPassword(string password, string expected)
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        await using var h = new SmtpProfileHarness(sandbox.Server.Port, caFile: sandbox.Info.CertificatePemPath);
        await StartTlsAsync(h);

        await h.SendAllAsync("AUTH LOGIN", "ZGVtbw==", Convert.ToBase64String(Encoding.UTF8.GetBytes(password)));

        await h.Driver.WaitForTextAsync("334 VXNlcm5hbWU6\r\n");
        await h.Driver.WaitForTextAsync(expected);
    }

    [Fact]
    public async Task Rcpt_OtherDomainBeforeAuth_RelayingDeniedButLocalAccepted()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        await using var h = new SmtpProfileHarness(sandbox.Server.Port);

        await h.SendAllAsync("EHLO client.test", "MAIL FROM:<a@client.test>", "RCPT TO:<bob@example.com>", "RCPT TO:<friend@sandbox.test>");

        await h.Driver.WaitForTextAsync("250 2.1.5 Ok\r\n");
        Assert.Contains("250 2.1.0 Ok\r\n550 5.7.1 Relaying denied\r\n250 2.1.5 Ok\r\n", h.Driver.ReceivedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rcpt_OtherDomainAfterAuth_AcceptedAndStoredWithUser()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        await using var h = new SmtpProfileHarness(sandbox.Server.Port, caFile: sandbox.Info.CertificatePemPath);
        await StartTlsAsync(h);

        await h.SendAllAsync("AUTH PLAIN " + _goodPlain, "MAIL FROM:<demo@sandbox.test>", "RCPT TO:<bob@example.com>", "DATA", "Subject: relayed", "", "hi", ".");

        await h.Driver.WaitForTextAsync("250 2.0.0 Ok: queued as ");
        var stored = Assert.Single(sandbox.Stored);
        Assert.Equal(["bob@example.com"], stored.Recipients);
        Assert.Equal("demo", stored.User);
        Assert.True(stored.Tls);
    }

    [Fact]
    public async Task Data_LeadingDotLines_StoredByteExactUnstuffed()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        await using var h = new SmtpProfileHarness(sandbox.Server.Port);
        string[] message = [".first line starts with a dot", "Subject: dots", "", "..two dots", ". dot space", "...", "last"];

        await h.SendAllAsync(["EHLO client.test", "MAIL FROM:<a@client.test>", "RCPT TO:<friend@sandbox.test>", "DATA", .. message, "."]);

        await h.Driver.WaitForTextAsync("250 2.0.0 Ok: queued as ");
        Assert.Contains(h.Driver.Events.OfType<LineSentEvent>(), l => l.Text == "..first line starts with a dot");
        var stored = Assert.Single(sandbox.Stored);
        var expected = Encoding.UTF8.GetBytes(string.Concat(message.Select(l => l + "\r\n")));
        Assert.Equal(expected, await File.ReadAllBytesAsync(stored.Path));
        Assert.Equal(expected.Length, stored.Size);
        Assert.Matches(@"^\d{8}-\d{6}-\d{3}-0001\.eml$", Path.GetFileName(stored.Path));
        Assert.Equal(sandbox.Store, Path.GetDirectoryName(stored.Path));
    }

    [Fact]
    public async Task Info_Table_ListsPortFeaturesCredentialsAndStore()
    {
        await using var sandbox = await SandboxFixture.StartAsync();

        var table = string.Join('\n', sandbox.Info.Table());

        Assert.Contains($"listening    127.0.0.1:{sandbox.Server.Port}\n", table, StringComparison.Ordinal);
        Assert.Contains("PIPELINING, 8BITMIME, ENHANCEDSTATUSCODES", table, StringComparison.Ordinal);
        Assert.Contains("STARTTLS", table, StringComparison.Ordinal);
        Assert.Contains("user demo  password sandbox", table, StringComparison.Ordinal);
        Assert.Contains($"store        {sandbox.Store}\n", table, StringComparison.Ordinal);
        Assert.Contains("550 5.7.1 Relaying denied", table, StringComparison.Ordinal);
    }

    private static async Task StartTlsAsync(SmtpProfileHarness h)
    {
        // Headless, as a script: the EHLO after TLS is the script's own line.
        await h.SendAllAsync("EHLO client.test", "STARTTLS", "EHLO client.test");
        await h.Driver.WaitForAsync(e => e.OfType<TlsEstablishedEvent>().Any(), "TLS");
        await h.Driver.WaitForTextAsync("250 AUTH PLAIN LOGIN\r\n");
    }
}
