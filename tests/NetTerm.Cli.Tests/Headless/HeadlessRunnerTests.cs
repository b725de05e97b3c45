using System.Globalization;
using System.Net.Sockets;
using System.Text;
using NetTerm.Testing;

namespace NetTerm.Cli.Tests.Headless;

public sealed class HeadlessRunnerTests
{
    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static ScriptedServer Echo() => new(async (s, ct) =>
    {
        var buffer = new byte[4096];
        int n;
        while ((n = await s.ReceiveAsync(buffer, ct)) > 0)
        {
            await s.SendAsync(buffer.AsMemory(0, n), ct);
        }
    });

    [Fact]
    public async Task RunAsync_EchoServer_LinesRoundTripAndExitZeroAfterEof()
    {
        await using var server = Echo();

        var result = await CliHarness.RunAsync("hello\nsecond line\n", "--no-tui", "--mode", "raw", "127.0.0.1", P(server.Port));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello\nsecond line\n", result.Text);
        Assert.Contains("connection closed by peer", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ServerSendsEscapes_StdoutHasNoRawControlCharacters()
    {
        await using var server = new ScriptedServer(async (s, ct) =>
            await s.SendAsync(Encoding.UTF8.GetBytes("\u001b]0;pwned\u0007\u001b]52;c;ZWNobyBoaQ==\u0007x\u001b[2J\u009b6n\u202eevil\r\nok\r\n"), ct));

        var result = await CliHarness.RunAsync(string.Empty, "--no-tui", "127.0.0.1", P(server.Port));

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(result.Text, c => (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == '\u202e');
        Assert.Equal("\\x1b]0;pwned\\x07\\x1b]52;c;ZWNobyBoaQ==\\x07x\\x1b[2J\\u009b6n\\u202eevil\nok\n", result.Text);
    }

    [Fact]
    public async Task RunAsync_Binary_PassesBytesExactlyBothWays()
    {
        var payload = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(new byte[] { 13, 10, 13, 0, 255, 255 }).ToArray();
        await using var server = Echo();

        var result = await CliHarness.RunAsync(payload, null, "--no-tui", "--binary", "--mode", "raw", "127.0.0.1", P(server.Port));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(payload, result.Stdout);
    }

    [Fact]
    public async Task RunAsync_ServerStaysOpenAfterEof_ExitsAfterWait()
    {
        await using var server = new ScriptedServer(async (s, ct) => await Task.Delay(Timeout.Infinite, ct));
        var started = DateTime.UtcNow;

        var result = await CliHarness.RunAsync("x\n", "--no-tui", "--wait", "0.5", "--mode", "raw", "127.0.0.1", P(server.Port));

        Assert.Equal(0, result.ExitCode);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task RunAsync_PeerResets_ExitsEight()
    {
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            await Task.Delay(100, ct);
            s.LingerState = new LingerOption(true, 0);
            s.Close();
        });

        var result = await CliHarness.RunAsync(string.Empty, "--no-tui", "--wait", "5", "--mode", "raw", "127.0.0.1", P(server.Port));

        Assert.Equal(8, result.ExitCode);
        Assert.Contains("connection reset by peer", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LogFile_WritesDirectionTaggedTranscript()
    {
        await using var server = Echo();
        var log = Path.Combine(Path.GetTempPath(), $"netterm-{Guid.NewGuid():N}.log");
        try
        {
            var result = await CliHarness.RunAsync("ping\n", "--no-tui", "--log", log, "--mode", "raw", "127.0.0.1", P(server.Port));

            Assert.Equal(0, result.ExitCode);
            var lines = await File.ReadAllLinesAsync(log);
            Assert.True(lines.Length > 3, string.Join("\n", lines));
            Assert.Contains(lines, l => l.EndsWith("  -> ping", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.EndsWith(" <-  ping", StringComparison.Ordinal));
            Assert.StartsWith("=== netterm transcript", lines[0].Split(' ', 2)[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(log);
        }
    }
}
