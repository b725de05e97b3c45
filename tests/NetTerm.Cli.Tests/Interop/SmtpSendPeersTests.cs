using System.Globalization;
using System.Text;
using NetTerm.Testing;

namespace NetTerm.Cli.Tests.Interop;

/// <summary>`netterm smtp send` against the real Postfix peer: every TLS/AUTH combination it offers, and the exit code
/// of each failure stage.</summary>
public sealed class SmtpSendPeersTests
{
    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static Task<CliHarness.Result> SendAsync(params string[] args) =>
        CliHarness.RunAsync(Array.Empty<byte>(), new Dictionary<string, string> { ["PEER_PW"] = Peers.Password },
            ["smtp", "send", "--helo", "client.test", .. args]);

    [PeersTheory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    [InlineData("CRAM-MD5")]
    public async Task Send_StartTlsThenAuth_RelaysAndExitsZero(string mechanism)
    {
        var result = await SendAsync("--server", "localhost", "--port", P(Peers.Submission), "--ca", Peers.CertificatePath,
            "--from", "alice@peers.test", "--to", "relay-" + mechanism.ToLowerInvariant() + "@example.com",
            "--auth", mechanism, "--user", Peers.User, "--password-env", "PEER_PW");

        Assert.True(result.ExitCode == 0, result.Text);
        Assert.Contains("<~  235 2.7.0", result.Text, StringComparison.Ordinal);
        Assert.Contains("1 message(s) accepted by localhost:2525 (queue id ", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Peers.Password, result.Text + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Peers.Password)), result.Text, StringComparison.Ordinal);
    }

    [PeersFact]
    public async Task Send_ImplicitTlsOn2465_AuthenticatesAndDelivers()
    {
        var result = await SendAsync("--server", "localhost", "--port", P(Peers.Smtps), "--tls", "--ca", Peers.CertificatePath,
            "--from", "alice@peers.test", "--to", "alice@localhost", "--auth", "PLAIN", "--user", Peers.User, "--password-env", "PEER_PW");

        Assert.True(result.ExitCode == 0, result.Text);
        Assert.Contains("TLS started with TLSv1.3", result.Text, StringComparison.Ordinal);
        Assert.Contains("<~  220 ", result.Text, StringComparison.Ordinal);
    }

    [PeersFact]
    public async Task Send_PlaintextPortPipelinedToLocalUser_Delivers()
    {
        var result = await SendAsync("--server", Peers.Host, "--port", P(Peers.PlainSmtp), "--from", "alice@peers.test",
            "--to", "alice@localhost", "--pipelining", "--count", "2");

        Assert.True(result.ExitCode == 0, result.Text);
        Assert.Contains("2 message(s) accepted", result.Text, StringComparison.Ordinal);
    }

    [PeersFact]
    public async Task Send_WrongPassword_Exit23()
    {
        var result = await CliHarness.RunAsync(Encoding.UTF8.GetBytes("not-the-password\n"), null, "smtp", "send", "--server", "localhost",
            "--port", P(Peers.Submission), "--ca", Peers.CertificatePath, "--from", "alice@peers.test", "--to", "alice@localhost",
            "--auth", "LOGIN", "--user", Peers.User, "--password-stdin");

        Assert.Equal(23, result.ExitCode);
        Assert.Contains("535 5.7.8", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", result.Text + result.Stderr, StringComparison.Ordinal);
    }

    [PeersFact]
    public async Task Send_RelayDeniedWithoutAuth_Exit25()
    {
        var result = await SendAsync("--server", Peers.Host, "--port", P(Peers.PlainSmtp), "--from", "alice@peers.test", "--to", "bob@example.com");

        Assert.Equal(25, result.ExitCode);
        Assert.Contains("554 5.7.1", result.Text, StringComparison.Ordinal);
        Assert.Contains("relaying denied", result.Text, StringComparison.Ordinal);
    }

    [PeersFact]
    public async Task Send_StartTlsWithoutCa_Exit6NamingTheCheck()
    {
        var result = await SendAsync("--server", "localhost", "--port", P(Peers.Submission), "--from", "alice@peers.test", "--to", "alice@localhost");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("self-signed", result.Text, StringComparison.Ordinal);
    }

    [PeersFact]
    public async Task Send_AuthOnPlaintextWithoutAllow_Exit23AndNothingSent()
    {
        var result = await SendAsync("--server", Peers.Host, "--port", P(Peers.PlainSmtp), "--from", "alice@peers.test", "--to", "alice@localhost",
            "--auth", "PLAIN", "--user", Peers.User, "--password-env", "PEER_PW");

        Assert.Equal(23, result.ExitCode);
        Assert.Contains("not encrypted", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("-> AUTH", result.Text, StringComparison.Ordinal);
    }
}
