using System.Globalization;
using System.Text;
using NetTerm.Testing;

namespace NetTerm.Cli.Tests.Interop;

/// <summary>`netterm smtp --no-tui` against the real Postfix peers (tests/peers): delivery, relay policy, STARTTLS,
/// implicit TLS, AUTH in the clear, and exit codes.</summary>
public sealed class SmtpPeersInteropTests
{
    private const string GoodPlain = "AGFsaWNlAHdvbmRlcmxhbmQ="; // \0alice\0wonderland

    private static readonly string Mailbox = Path.Combine(Peers.State, "mail", "alice", "new");

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string Script(params string[] lines) => string.Join("\n", lines) + "\n";

    [PeersFact]
    public async Task Smtp_PlainPort_DeliversDotLineEightBitAndLongLineByteExact()
    {
        var marker = "cli-interop-" + Guid.NewGuid().ToString("N")[..12];
        var longLine = string.Concat(Enumerable.Repeat("0123456789", 99)); // 990 characters
        string[] body = [".leading dot line", "..two dots", "Grüße aus Köln — ünïcödé ✓", longLine, "last line"];

        var result = await CliHarness.RunAsync(
            Script(["EHLO client.test", "MAIL FROM:<alice@localhost> BODY=8BITMIME", "RCPT TO:<alice@localhost>", "DATA",
                "Subject: " + marker, string.Empty, .. body, ".", "QUIT"]),
            "smtp", "--no-tui", Peers.Host, P(Peers.PlainSmtp));

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}\n{result.Text}");
        Assert.Contains("message accepted (queue id", result.Text, StringComparison.Ordinal);
        var delivered = await DeliveredAsync(marker);
        // Postfix prepends its headers and stores LF line ends; everything after the header/body blank line is ours.
        var content = delivered[(delivered.IndexOf("\n\n", delivered.IndexOf(marker, StringComparison.Ordinal), StringComparison.Ordinal) + 2)..];
        Assert.Equal(string.Join("\n", body) + "\n", content);
    }

    [PeersFact]
    public async Task Smtp_RelayToOtherDomainWithoutAuth_ExitsTenWithRelayingDenied()
    {
        var result = await CliHarness.RunAsync(
            Script("EHLO client.test", "MAIL FROM:<alice@localhost>", "RCPT TO:<bob@example.com>", "QUIT"),
            "smtp", "--no-tui", Peers.Host, P(Peers.PlainSmtp));

        Assert.Equal(10, result.ExitCode);
        Assert.Contains("554 5.7.1", result.Text, StringComparison.Ordinal);
        Assert.Contains("relaying denied", result.Text, StringComparison.Ordinal);
    }

    [PeersFact]
    public async Task Smtp_StartTlsThenAuthPlainLine_AuthenticatesAndExitsZero()
    {
        var result = await CliHarness.RunAsync(
            Script("EHLO client.test", "STARTTLS", "EHLO client.test", "AUTH PLAIN " + GoodPlain, "QUIT"),
            "smtp", "--no-tui", "--ca", Peers.CertificatePath, "localhost", P(Peers.Submission));

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}\n{result.Text}");
        Assert.Contains("verified localhost", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("250-AUTH PLAIN", result.Text, StringComparison.Ordinal);
        Assert.Contains("235 2.7.0", result.Text, StringComparison.Ordinal);
        Assert.Contains("— authenticated", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(GoodPlain, result.Text + result.Stderr, StringComparison.Ordinal);
    }

    [PeersFact]
    public async Task Smtp_ImplicitTlsOn2465WithTlsOption_AuthenticatesAndExitsZero()
    {
        var result = await CliHarness.RunAsync(
            Script("EHLO client.test", "AUTH PLAIN " + GoodPlain, "QUIT"),
            "smtp", "--no-tui", "--tls", "--ca", Peers.CertificatePath, "localhost", P(Peers.Smtps));

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}\n{result.Text}");
        Assert.StartsWith("220 ", result.Text, StringComparison.Ordinal);
        Assert.Contains("235 2.7.0", result.Text, StringComparison.Ordinal);
    }

    [PeersFact]
    public async Task Smtp_AuthOnPlaintextWithoutAllowOption_LineNotSentAndStderrSaysWhy()
    {
        var result = await CliHarness.RunAsync(
            Script("EHLO client.test", "AUTH PLAIN " + GoodPlain, "QUIT"),
            "smtp", "--no-tui", Peers.Host, P(Peers.PlainSmtp));

        Assert.Contains("AUTH refused: the session is not encrypted", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("235 ", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("535 ", result.Text, StringComparison.Ordinal);
        // The session went on: QUIT was still sent and answered.
        Assert.Contains("221 2.0.0", result.Text, StringComparison.Ordinal);
        Assert.Equal(10, result.ExitCode); // the refused AUTH makes the session a rejected one
    }

    [PeersFact]
    public async Task Smtp_AuthOnPlaintextWithAllowOption_Authenticates()
    {
        var result = await CliHarness.RunAsync(
            Script("EHLO client.test", "AUTH PLAIN " + GoodPlain, "QUIT"),
            "smtp", "--no-tui", "--allow-plaintext-auth", Peers.Host, P(Peers.PlainSmtp));

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}\n{result.Text}");
        Assert.Contains("235 2.7.0", result.Text, StringComparison.Ordinal);
    }

    [PeersFact]
    public async Task Smtp_WrongPassword_535AndExitTen()
    {
        var wrong = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0alice\0not-the-password"));

        var result = await CliHarness.RunAsync(
            Script("EHLO client.test", "AUTH PLAIN " + wrong, "QUIT"),
            "smtp", "--no-tui", "--allow-plaintext-auth", Peers.Host, P(Peers.PlainSmtp));

        Assert.Equal(10, result.ExitCode);
        Assert.Contains("535 5.7.8", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, result.Text + result.Stderr, StringComparison.Ordinal);
    }

    [PeersFact]
    public async Task Smtp_AuthLoginTypedHeadless_AuthenticatesAndNoSecretInStdoutStderrOrLog()
    {
        using var dir = new TempDirectory();
        var log = Path.Combine(dir.Path, "t.log");
        var user = Convert.ToBase64String(Encoding.UTF8.GetBytes(Peers.User));
        var password = Convert.ToBase64String(Encoding.UTF8.GetBytes(Peers.Password));

        var result = await CliHarness.RunAsync(
            Script("EHLO client.test", "STARTTLS", "EHLO client.test", "AUTH LOGIN", user, password, "QUIT"),
            "smtp", "--no-tui", "--log", log, "--ca", Peers.CertificatePath, "localhost", P(Peers.Submission));

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}\n{result.Text}");
        Assert.Contains("235 2.7.0", result.Text, StringComparison.Ordinal);
        var transcript = await File.ReadAllTextAsync(log);
        Assert.Contains("334 UGFzc3dvcmQ6", transcript, StringComparison.Ordinal);
        foreach (var secret in new[] { password, Peers.Password })
        {
            Assert.DoesNotContain(secret, result.Text + result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, transcript, StringComparison.Ordinal);
        }
    }

    private static async Task<string> DeliveredAsync(string marker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(Mailbox) ? Directory.GetFiles(Mailbox) : [])
            {
                var text = await File.ReadAllTextAsync(file, Encoding.UTF8);
                if (text.Contains(marker, StringComparison.Ordinal))
                {
                    return text;
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no message with {marker} in {Mailbox}");
        return string.Empty;
    }
}
