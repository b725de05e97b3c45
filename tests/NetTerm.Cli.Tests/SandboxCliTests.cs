using System.Text;
using System.Text.RegularExpressions;
using NetTerm.Cli.Headless;

namespace NetTerm.Cli.Tests;

public sealed class SandboxCliTests
{
    // Headless review happens when a line is read, before STARTTLS has completed, so a script that authenticates
    // after STARTTLS says --allow-plaintext-auth; the AUTH line is still paced behind the TLS upgrade.
    [Fact]
    public async Task SmtpSandbox_HereDocNoTui_ExitZeroAndMessageInStore()
    {
        const string Script = "EHLO client.test\nSTARTTLS\nAUTH PLAIN AGRlbW8Ac2FuZGJveA==\nMAIL FROM:<demo@sandbox.test>\n"
            + "RCPT TO:<bob@example.com>\nDATA\nSubject: hi\n\n.dot line\n.\nQUIT\n";

        var result = await CliHarness.RunAsync(Script, "smtp", "--sandbox", "--no-tui", "--allow-plaintext-auth");

        Assert.True(result.ExitCode == 0, result.Stderr + result.Text);
        Assert.Contains("235 2.7.0", result.Text, StringComparison.Ordinal);
        var store = Regex.Match(result.Stderr, @"1 message\(s\) in (.+)$", RegexOptions.Multiline).Groups[1].Value.TrimEnd('\r');
        try
        {
            var eml = Assert.Single(Directory.GetFiles(store, "*.eml"));
            Assert.Equal("Subject: hi\r\n\r\n.dot line\r\n", await File.ReadAllTextAsync(eml));
            Assert.Contains("netterm: sandbox: ", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public async Task SmtpSandbox_WithHost_UsageError()
    {
        var result = await CliHarness.RunAsync(string.Empty, "smtp", "--sandbox", "mx.example");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("leave out HOST and PORT", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_PortZero_PrintsStartupTableAndStopsOnCancel()
    {
        var store = Directory.CreateTempSubdirectory("netterm-sandbox-cli-").FullName;
        using var output = new SynchronizedMemoryStream();
        using var error = new StringWriter();
        var console = new ConsoleStreams(new MemoryStream(), output, error, OutputIsRedirected: true);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var run = global::NetTerm.Cli.Cli.RunAsync(["sandbox", "--port", "0", "--store", store, "--user", "u1", "--password", "p1"], console, _ => null, cts.Token);
            while (!output.Text.Contains("Ctrl+C", StringComparison.Ordinal))
            {
                await Task.Delay(50, cts.Token);
            }

            await cts.CancelAsync();
            var code = await run.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(0, code);
            Assert.Matches(@"listening\s+127\.0\.0\.1:\d+", output.Text);
            Assert.Contains("user u1  password p1", output.Text, StringComparison.Ordinal);
            Assert.Contains($"store        {store}\n", output.Text, StringComparison.Ordinal);
            Assert.Contains("ENHANCEDSTATUSCODES", output.Text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(store, "sandbox-cert.pem")));
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    /// <summary>A MemoryStream the test can read while the command writes to it.</summary>
    private sealed class SynchronizedMemoryStream : MemoryStream
    {
        public string Text
        {
            get
            {
                lock (this)
                {
                    return Encoding.UTF8.GetString(ToArray());
                }
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (this)
            {
                base.Write(buffer, offset, count);
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (this)
            {
                base.Write(buffer);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }
}
