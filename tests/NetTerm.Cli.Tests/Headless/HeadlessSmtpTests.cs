using System.Globalization;
using NetTerm.Testing.Smtp;

namespace NetTerm.Cli.Tests.Headless;

public sealed class HeadlessSmtpTests
{
    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task RunAsync_SmtpHereDocEndingWith221_ExitsZeroWithAnnotations()
    {
        await using var server = new FakeSmtpServer();

        var result = await CliHarness.RunAsync(
            "EHLO c.test\nMAIL FROM:<a@fake.test>\nRCPT TO:<b@fake.test>\nDATA\nSubject: x\n\n.dot\n.\nQUIT\n",
            "smtp", "--no-tui", "127.0.0.1", P(server.Port));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("   # 250 ", result.Text, StringComparison.Ordinal);
        Assert.Contains("message accepted (queue id Q1)", result.Text, StringComparison.Ordinal);
        Assert.Equal("Subject: x\r\n\r\n..dot\r\n", Assert.Single(server.Messages));
    }

    [Fact]
    public async Task RunAsync_RelayDenied_ExitsTenNamingTheCommand()
    {
        await using var server = new FakeSmtpServer();

        var result = await CliHarness.RunAsync(
            "EHLO c.test\nMAIL FROM:<a@fake.test>\nRCPT TO:<bob@example.com>\nQUIT\n",
            "smtp", "--no-tui", "127.0.0.1", P(server.Port));

        Assert.Equal(10, result.ExitCode);
        Assert.Contains("relaying denied", result.Text, StringComparison.Ordinal);
        Assert.Contains("netterm: RCPT TO:<bob@example.com>: 554", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoQuit_ExitsElevenWhenWaitEnds()
    {
        await using var server = new FakeSmtpServer();

        var result = await CliHarness.RunAsync("EHLO c.test\n", "smtp", "--no-tui", "--wait", "0.3", "127.0.0.1", P(server.Port));

        Assert.Equal(11, result.ExitCode);
        Assert.Contains("without a 221", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AutoModeOnSubmissionPort_UsesSmtpProfile()
    {
        await using var server = new FakeSmtpServer();

        var result = await CliHarness.RunAsync("QUIT\n", "--no-tui", "--mode", "smtp", "127.0.0.1", P(server.Port));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("— goodbye", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AuthInTheClear_RefusedUnlessAllowed()
    {
        await using var server = new FakeSmtpServer(new FakeSmtpServerOptions { Keywords = ["AUTH PLAIN LOGIN"] });
        const string Script = "EHLO c.test\nAUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=\nQUIT\n";

        var refused = await CliHarness.RunAsync(Script, "smtp", "--no-tui", "127.0.0.1", P(server.Port));
        var allowed = await CliHarness.RunAsync(Script, "smtp", "--no-tui", "--allow-plaintext-auth", "127.0.0.1", P(server.Port));

        Assert.Equal(10, refused.ExitCode);
        Assert.Contains("AUTH refused: the session is not encrypted", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, allowed.ExitCode);
        Assert.Contains("authenticated", allowed.Text, StringComparison.Ordinal);
        Assert.Equal(1, server.Received.Count(l => l.StartsWith("AUTH", StringComparison.Ordinal)));
    }
}
