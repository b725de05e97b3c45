using System.Globalization;
using System.Text;
using NetTerm.Testing;

namespace NetTerm.Tui.Tests.EndToEnd;

/// <summary>The --log transcript is buffered (flushed every ~100 ms), so each way out must write it out whole: the
/// user quitting, SIGTERM, and the terminal going away (SIGHUP).</summary>
public class NettermTranscriptTmuxTests
{
    private const int Lines = 20_000;

    public enum WayOut
    {
        Quit,
        Terminate,
        HangUp,
    }

    [TmuxFact]
    public Task Netterm_UserQuits_TranscriptHasEveryLineAndIsClosed() => RunAsync(WayOut.Quit);

    [TmuxFact]
    public Task Netterm_Sigterm_TranscriptHasEveryLineAndIsClosed() => RunAsync(WayOut.Terminate);

    [TmuxFact]
    public Task Netterm_TerminalClosed_TranscriptHasEveryLineAndIsClosed() => RunAsync(WayOut.HangUp);

    private static async Task RunAsync(WayOut way)
    {
        var text = new StringBuilder();
        for (var i = 1; i <= Lines; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"line {i:D6} of the flood\r\n");
        }

        text.Append("FLOOD-END\r\n");
        var payload = Encoding.ASCII.GetBytes(text.ToString());
        await using var server = new ScriptedServer(async (socket, ct) =>
        {
            await socket.SendAsync(payload, ct);
            await Task.Delay(TimeSpan.FromSeconds(60), ct);
        });
        var dir = Path.Combine(Path.GetTempPath(), $"netterm-log-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var log = Path.Combine(dir, "session.log");
        var pidFile = Path.Combine(dir, "pid");
        var tmux = new Tmux();
        try
        {
            tmux.Start($"echo $$ > '{pidFile}'; exec {Tmux.NettermCommand()} --mode raw --log '{log}' 127.0.0.1 "
                + server.Port.ToString(CultureInfo.InvariantCulture));
            tmux.WaitFor(s => s.Contains("FLOOD-END", StringComparison.Ordinal), "the last line on screen");
            using var process = System.Diagnostics.Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture));

            switch (way)
            {
                case WayOut.Quit:
                    tmux.SendKeys("C-q");
                    tmux.WaitFor(s => s.Contains("quit?", StringComparison.Ordinal), "the quit question");
                    tmux.SendKeys("y");
                    break;
                case WayOut.Terminate:
                    System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
                    break;
                default:
                    tmux.Dispose(); // the pane and its terminal go away
                    break;
            }

            var exited = process.WaitForExit(TimeSpan.FromSeconds(15));
            if (!exited)
            {
                process.Kill();
            }

            Assert.True(exited, "netterm did not exit");
            var entries = File.ReadAllLines(log);
            var received = entries.Where(l => l.Contains(" <-  line ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(Lines, received.Length);
            for (var i = 0; i < Lines; i++)
            {
                Assert.EndsWith($" <-  line {i + 1:D6} of the flood", received[i], StringComparison.Ordinal);
            }

            Assert.Contains(entries, l => l.EndsWith(" <-  FLOOD-END", StringComparison.Ordinal));
            Assert.EndsWith("=== netterm transcript closed", entries[^1], StringComparison.Ordinal);
        }
        finally
        {
            tmux.Dispose();
            Directory.Delete(dir, recursive: true);
        }
    }
}
