using System.Globalization;
using System.Net.Sockets;
using System.Text;
using NetTerm.Testing;

namespace NetTerm.Cli.Tests.Headless;

/// <summary>Issue 6, faults: a reset at every stage of an SMTP session ends in one clear line and the documented
/// exit code, with the transcript complete up to the fault.</summary>
public sealed class HeadlessFaultTests : IClassFixture<TestCertificates>
{
    private readonly TestCertificates _certs;

    public HeadlessFaultTests(TestCertificates certs) => _certs = certs;

    private static void Reset(Socket s)
    {
        s.LingerState = new LingerOption(true, 0);
        s.Close();
    }

    private static async Task ReadLineAsync(Socket s, CancellationToken ct)
    {
        var one = new byte[1];
        while (await s.ReceiveAsync(one, SocketFlags.None, ct) == 1 && one[0] != (byte)'\n')
        {
        }
    }

    [Theory]
    [InlineData("before-greeting", "")]
    [InlineData("mid-greeting", "220 half")]
    [InlineData("after-ehlo", "250 ok")]
    [InlineData("mid-reply", "250-first")]
    public async Task Smtp_ResetAtStage_ExitsEightWithTranscriptUpToTheFault(string stage, string lastReceived)
    {
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            if (stage != "before-greeting")
            {
                await s.SendAsync(Encoding.ASCII.GetBytes(stage == "mid-greeting" ? "220 half" : "220 ok\r\n"), ct);
            }

            if (stage is "after-ehlo" or "mid-reply")
            {
                await ReadLineAsync(s, ct);
                await s.SendAsync(Encoding.ASCII.GetBytes(stage == "after-ehlo" ? "250 ok\r\n" : "250-first\r\n"), ct);
                if (stage == "after-ehlo")
                {
                    await ReadLineAsync(s, ct);
                }
            }

            await Task.Delay(100, ct);
            Reset(s);
        });
        using var dir = new TempDirectory();
        var log = Path.Combine(dir.Path, "t.log");

        var result = await CliHarness.RunAsync("EHLO client.test\nNOOP\nQUIT\n",
            "smtp", "--no-tui", "--wait", "5", "--log", log, "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(8, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("connection reset by peer", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        var transcript = await File.ReadAllTextAsync(log);
        if (lastReceived.Length > 0)
        {
            Assert.Contains(lastReceived, transcript, StringComparison.Ordinal);
        }

        var lines = transcript.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("**  Connection failed (ConnectionLost): connection reset by peer", lines[^2], StringComparison.Ordinal);
        Assert.EndsWith("=== netterm transcript closed", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_ResetDuringHandshake_ExitsSixNoPlaintextFallback()
    {
        var connections = 0;
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            Interlocked.Increment(ref connections);
            await ScriptedServer.ReadAtLeastAsync(s, 5, ct); // the start of the ClientHello
            Reset(s);
        });

        var result = await CliHarness.RunAsync("EHLO client.test\n",
            "smtp", "--no-tui", "--tls", "--ca", _certs.CaPemPath, "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("TLS", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, connections);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task RunAsync_LogDiskFull_SessionGoesOnAndTheFailureIsSaidOnce()
    {
        // /dev/full takes the open and fails every write with ENOSPC, as a full disk would.
        Assert.True(File.Exists("/dev/full"), "this test needs Linux's /dev/full");
        await using var echo = LoopbackEchoServer.Start("hello\r\n"u8.ToArray());

        var result = await CliHarness.RunAsync("first\nsecond\n"u8.ToArray(), null,
            "--no-tui", "--mode", "raw", "--wait", "1", "--log", "/dev/full", "127.0.0.1", echo.Port.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello\nfirst\nsecond\n", result.Text);
        var failures = result.Stderr.Split('\n').Where(l => l.StartsWith("netterm: transcript:", StringComparison.Ordinal)).ToList();
        Assert.Single(failures);
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
    }
}
