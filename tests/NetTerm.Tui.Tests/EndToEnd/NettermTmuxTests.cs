using System.Globalization;
using System.Text;
using NetTerm.Testing;

namespace NetTerm.Tui.Tests.EndToEnd;

/// <summary>The real `netterm` binary in a real terminal (tmux) against loopback servers.</summary>
public class NettermTmuxTests
{
    private static string Command(int port) =>
        $"{Tmux.NettermCommand()} 127.0.0.1 {port.ToString(CultureInfo.InvariantCulture)}; echo EXIT=$?; sleep 30";

    [TmuxFact]
    public async Task Netterm_ShiftUpSelectionAndCtrlC_CopiesLinesToTheTerminalClipboard()
    {
        await using var server = LoopbackEchoServer.Start(Encoding.ASCII.GetBytes("welcome\r\n"));
        using var tmux = new Tmux();
        tmux.Start(Command(server.Port));
        // tmux takes OSC 52 from the application into a paste buffer, as a terminal would into its clipboard.
        tmux.Command("set-option", "-g", "set-clipboard", "on");
        tmux.WaitFor(s => s.Contains("welcome", StringComparison.Ordinal) && s.Contains("│ connected", StringComparison.Ordinal), "the greeting");
        tmux.Type("first copied line");
        tmux.SendKeys("Enter");
        tmux.WaitFor(s => s.Split('\n').Count(l => l.TrimEnd().EndsWith("first copied line", StringComparison.Ordinal)) >= 2, "the echo");

        tmux.SendKeys("S-Up"); // the newest line and the one above it
        tmux.SendKeys("C-c");
        tmux.WaitFor(s => s.Contains("copied 2 line(s) to the clipboard (OSC 52)", StringComparison.Ordinal), "the copy notice");

        Assert.Equal("> first copied line\nfirst copied line", tmux.Command("show-buffer").TrimEnd('\n'));
    }

    [TmuxFact]
    public async Task Netterm_MouseDragAndCtrlC_CopiesTheDraggedLines()
    {
        await using var server = LoopbackEchoServer.Start(Encoding.ASCII.GetBytes("welcome\r\n"));
        using var tmux = new Tmux();
        tmux.Start(Command(server.Port));
        tmux.Command("set-option", "-g", "set-clipboard", "on");
        tmux.WaitFor(s => s.Contains("welcome", StringComparison.Ordinal) && s.Contains("│ connected", StringComparison.Ordinal), "the greeting");
        tmux.Type("dragged line");
        tmux.SendKeys("Enter");
        var screen = tmux.WaitFor(s => s.Split('\n').Count(l => l.TrimEnd().EndsWith("dragged line", StringComparison.Ordinal)) >= 2, "the echo");
        var row = Array.FindIndex(screen.Split('\n'), l => l.StartsWith("> dragged line", StringComparison.Ordinal)) + 1; // 1-based

        // SGR mouse reports, as the terminal sends them: press on the sent line, drag one row down, release.
        tmux.Type($"\u001b[<0;3;{row}M");
        tmux.Type($"\u001b[<32;3;{row + 1}M");
        tmux.Type($"\u001b[<0;3;{row + 1}m");
        tmux.SendKeys("C-c");
        tmux.WaitFor(s => s.Contains("copied 2 line(s) to the clipboard (OSC 52)", StringComparison.Ordinal), "the copy notice");

        Assert.Equal("> dragged line\ndragged line", tmux.Command("show-buffer").TrimEnd('\n'));
    }

    [TmuxFact]
    public async Task Netterm_TypeResizeAndQuit_EchoShownThenAsksAndExitsZero()
    {
        await using var server = LoopbackEchoServer.Start(Encoding.ASCII.GetBytes("welcome\r\n"));
        using var tmux = new Tmux();
        tmux.Start(Command(server.Port));

        tmux.WaitFor(s => s.Contains("welcome", StringComparison.Ordinal) && s.Contains("│ connected", StringComparison.Ordinal), "the greeting");
        tmux.Type("hello tmux");
        tmux.SendKeys("Enter");
        var screen = tmux.WaitFor(s => s.Split('\n').Count(l => l.TrimEnd().EndsWith("hello tmux", StringComparison.Ordinal)) >= 2, "sent line and echo");
        Assert.Contains("> hello tmux", screen, StringComparison.Ordinal);

        tmux.Resize(90, 25);
        screen = tmux.WaitFor(s => s.Split('\n').Length <= 26 && s.Contains("> hello tmux", StringComparison.Ordinal)
            && s.Split('\n').Where(l => l.Length > 0).Last().Contains("127.0.0.1:", StringComparison.Ordinal), "the layout at 90x25");
        Assert.All(screen.Split('\n'), l => Assert.True(l.TrimEnd().Length <= 90, "line wider than the pane: " + l));

        tmux.SendKeys("C-q");
        tmux.WaitFor(s => s.Contains("Close the connection and quit?", StringComparison.Ordinal), "the quit question");
        tmux.SendKeys("y");
        tmux.WaitFor(s => s.Contains("EXIT=0", StringComparison.Ordinal), "netterm to exit 0");
    }

    [TmuxFact]
    public async Task Netterm_TerminalClosedUnderIt_ProcessExits()
    {
        await using var server = LoopbackEchoServer.Start(Encoding.ASCII.GetBytes("welcome\r\n"));
        var pidFile = Path.Combine(Path.GetTempPath(), $"netterm-pid-{Guid.NewGuid():N}");
        var tmux = new Tmux();
        tmux.Start($"echo $$ > {pidFile}; exec {Tmux.NettermCommand()} 127.0.0.1 {server.Port.ToString(CultureInfo.InvariantCulture)}");
        tmux.WaitFor(s => s.Contains("welcome", StringComparison.Ordinal), "the greeting");
        using var process = System.Diagnostics.Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture));

        tmux.Dispose(); // the pane and its terminal go away: SIGHUP

        var exited = process.WaitForExit(TimeSpan.FromSeconds(8));
        File.Delete(pidFile);
        if (!exited)
        {
            process.Kill();
        }

        Assert.True(exited, "netterm kept running after its terminal was closed");
    }

    [TmuxFact]
    public async Task Netterm_Sigterm_ExitsAndRestoresTheTerminalModes()
    {
        await using var server = LoopbackEchoServer.Start(Encoding.ASCII.GetBytes("welcome\r\n"));
        var pidFile = Path.Combine(Path.GetTempPath(), $"netterm-pid-{Guid.NewGuid():N}");
        using var tmux = new Tmux();
        // After netterm ends, the shell prints the terminal's line discipline: raw mode must be gone.
        tmux.Start($"sh -c 'echo $$ > {pidFile}; exec {Tmux.NettermCommand().Replace("'", "", StringComparison.Ordinal)} 127.0.0.1 {server.Port.ToString(CultureInfo.InvariantCulture)}'; "
            + "echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 30");
        tmux.WaitFor(s => s.Contains("welcome", StringComparison.Ordinal), "the greeting");
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        File.Delete(pidFile);

        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var screen = tmux.WaitFor(s => s.Contains("EXIT=", StringComparison.Ordinal) && s.Contains("icanon", StringComparison.Ordinal), "the shell after netterm");
        Assert.Contains("icanon echo", screen, StringComparison.Ordinal);
        Assert.Contains("EXIT=130", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("-icanon", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("│ connected", screen, StringComparison.Ordinal); // the alternate screen is gone
    }

    [TmuxFact]
    public async Task Netterm_UnhandledException_TerminalRestored()
    {
        await using var server = LoopbackEchoServer.Start(Encoding.ASCII.GetBytes("welcome\r\n"));
        using var tmux = new Tmux();
        // NETTERM_FAULT_INJECT=crash throws on a background thread a second after start (TuiHost).
        tmux.Start("echo BEFORE-LINE; NETTERM_FAULT_INJECT=crash " + Command(server.Port).Replace("; echo EXIT=$?; sleep 30", string.Empty, StringComparison.Ordinal)
            + " 2>/dev/null; echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 30");

        var screen = tmux.WaitFor(s => s.Contains("EXIT=", StringComparison.Ordinal) && s.Contains("icanon", StringComparison.Ordinal), "the shell after the crash");

        Assert.Contains("BEFORE-LINE", screen, StringComparison.Ordinal); // the main screen is back
        Assert.Contains("icanon echo", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("│ connected", screen, StringComparison.Ordinal);
    }

    [TmuxFact]
    public async Task Netterm_HostileServerEscapes_AreShownNeutralisedAndTitleUnchanged()
    {
        var attack = "before\r\n\x1b]0;PWNED-TITLE\x07\x1b]2;PWNED2\x07osc-title\r\n\x1b]52;c;aGVsbG8=\x07osc-clipboard\r\n"
            + "\x1b[2Jerase-display\r\n\u009b31mc1-csi\r\n\u202ebidi-override\r\nafter\r\n";
        await using var server = new ScriptedServer(async (socket, ct) =>
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(attack), ct);
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        });
        using var tmux = new Tmux();
        tmux.Start(Command(server.Port));
        tmux.WaitFor(s => s.Contains("│ connected", StringComparison.Ordinal), "connected");
        var titleBefore = tmux.Title();

        var screen = tmux.WaitFor(s => s.Contains("after", StringComparison.Ordinal), "the attack to be displayed");

        Assert.Contains("before", screen, StringComparison.Ordinal);          // CSI 2J erased nothing
        Assert.Contains("connected to 127.0.0.1", screen, StringComparison.Ordinal);
        Assert.Contains(@"\e]0;PWNED-TITLE", screen, StringComparison.Ordinal);
        Assert.Contains(@"\e]2;PWNED2", screen, StringComparison.Ordinal);
        Assert.Contains(@"\e]52;c;aGVsbG8=", screen, StringComparison.Ordinal);
        Assert.Contains(@"\e[2Jerase-display", screen, StringComparison.Ordinal);
        Assert.Contains(@"\u009b31mc1-csi", screen, StringComparison.Ordinal);
        Assert.Contains(@"\u202ebidi-override", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", screen, StringComparison.Ordinal);
        Assert.Equal(titleBefore, tmux.Title());
        Assert.DoesNotContain("PWNED", tmux.Title(), StringComparison.Ordinal);
        tmux.SendKeys("C-q");
        tmux.WaitFor(s => s.Contains("quit?", StringComparison.Ordinal), "the quit question");
        tmux.SendKeys("y");
        tmux.WaitFor(s => s.Contains("EXIT=0", StringComparison.Ordinal), "netterm to exit 0");
    }
}
