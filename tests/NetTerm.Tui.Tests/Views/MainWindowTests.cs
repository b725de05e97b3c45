using NetTerm.Testing;
using NetTerm.Core.Persistence;
using NetTerm.Core.Sessions;
using NetTerm.Tui.Dialogs;
using NetTerm.Tui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Tests.Views;

public class MainWindowTests
{
    private static bool Connected(UiHarness ui) => ui.Window.StatusText.Contains("│ connected", StringComparison.Ordinal);

    [Fact]
    public async Task Enter_TypedLine_ServerReceivesItAndEchoAppears()
    {
        await using var server = new RecordingEchoServer("ready\r\n");
        using var ui = new UiHarness(server.Port);

        ui.Until("connected", () => Connected(ui) && ui.Screen.Contains("ready", StringComparison.Ordinal))
            .Type("hello")
            .Do("enter", () => ui.App.InjectKey(Key.Enter))
            .Until("server got the line", () => server.Received == "hello\r\n")
            .Until("sent line and echo on screen", () =>
            {
                var lines = ui.Screen.Split('\n').Select(l => l.TrimEnd()).ToList();
                return lines.Contains("> hello") && lines.Contains("hello");
            })
            .Run();

        Assert.Equal(string.Empty, ui.Window.Input.Text);
    }

    [Theory]
    [InlineData(SessionMode.Raw, false)]
    [InlineData(SessionMode.Telnet, true)]
    public async Task Menu_SessionMode_TelnetMenuOnlyForTelnet(SessionMode mode, bool shown)
    {
        await using var server = new RecordingEchoServer("ready\r\n");
        using var ui = new UiHarness(server.Port, mode: mode);

        ui.Until("connected", () => Connected(ui) && ui.Screen.Contains("ready", StringComparison.Ordinal)).Run();

        Assert.Equal(shown, ui.Window.TelnetMenuShown);
        Assert.Equal(shown, ui.Screen.Split('\n')[0].Contains("Telnet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CursorUp_AfterSending_RecallsTheLine()
    {
        await using var server = new RecordingEchoServer();
        using var ui = new UiHarness(server.Port);

        ui.Until("connected", () => Connected(ui))
            .Type("EHLO x")
            .Do("enter", () => ui.App.InjectKey(Key.Enter))
            .Until("echoed", () => server.Received.Length > 0 && ui.Screen.Contains("> EHLO x", StringComparison.Ordinal))
            .Do("up", () => ui.App.InjectKey(Key.CursorUp))
            .Until("recalled", () => ui.Window.Input.Text == "EHLO x")
            .Run();
    }

    [Fact]
    public async Task History_SentLine_SavedAndRecalledInTheNextRun()
    {
        using var dir = new TempDirectory();
        var history = new HistoryPersistence(new HistoryStore(dir.Path), t => "h-" + t.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var server = new RecordingEchoServer();
        using (var first = new UiHarness(server.Port, history: history))
        {
            first.Until("connected", () => Connected(first))
                .Type("EHLO saved.test")
                .Do("enter", () => first.App.InjectKey(Key.Enter))
                .Until("sent", () => server.Received.Contains("EHLO saved.test", StringComparison.Ordinal))
                .Run();
        }

        Assert.Equal(["EHLO saved.test"], history.Store.Load("h-" + server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var second = new UiHarness(server.Port, history: history);
        second.Until("connected", () => Connected(second))
            .Do("up", () => second.App.InjectKey(Key.CursorUp))
            .Until("recalled from the file", () => second.Window.Input.Text == "EHLO saved.test")
            .Run();
    }

    [Fact]
    public async Task F2_PressedTwice_OpensAndClosesTheHexView()
    {
        await using var server = new RecordingEchoServer("hello\r\n");
        using var ui = new UiHarness(server.Port);
        var sawHex = false;

        ui.Until("greeting", () => ui.Screen.Contains("hello", StringComparison.Ordinal))
            .Do("F2", () => ui.App.InjectKey(Key.F2))
            .Until("hex view with the greeting's bytes", () =>
                ui.App.TopRunnable is HexDialog && ui.Screen.Contains("68 65 6c 6c 6f 0d 0a", StringComparison.Ordinal))
            .Do("note", () => sawHex = ui.Screen.Contains("<- 00000000", StringComparison.Ordinal))
            .Do("F2 again", () => ui.App.InjectKey(Key.F2))
            .Until("back to the main window", () => ReferenceEquals(ui.App.TopRunnable, ui.Window))
            .Run();

        Assert.True(sawHex);
    }

    [Fact]
    public async Task CtrlQ_WhileConnected_AsksYesNoBeforeQuitting()
    {
        await using var server = new RecordingEchoServer();
        using var ui = new UiHarness(server.Port);
        string? question = null;

        ui.Until("connected", () => Connected(ui))
            .Do("ctrl+q", () => ui.App.InjectKey(Key.Q.WithCtrl))
            .Until("asked", () => ui.App.TopRunnable is Dialog)
            .Do("read", () => question = ui.Screen)
            .Do("no", () => ui.App.InjectKey(Key.N))
            .Until("still running", () => ReferenceEquals(ui.App.TopRunnable, ui.Window))
            .Do("ctrl+q again", () => ui.App.InjectKey(Key.Q.WithCtrl))
            .Until("asked again", () => ui.App.TopRunnable is Dialog)
            .Do("yes", () => ui.App.InjectKey(Key.Y))
            .Run(stopAtEnd: false);

        Assert.NotNull(question);
        Assert.Contains("Close the connection and quit?", question, StringComparison.Ordinal);
        Assert.Contains("Yes", question, StringComparison.Ordinal);
        Assert.Contains("No", question, StringComparison.Ordinal);
        Assert.False(ui.Window.IsRunning);
    }

    [Fact]
    public async Task CharacterMode_Key_IsSentImmediatelyWithoutLocalEcho()
    {
        await using var server = new RecordingEchoServer();
        using var ui = new UiHarness(server.Port);

        ui.Until("connected", () => Connected(ui))
            .Do("char mode", () => ui.Window.SetCharacterMode(true))
            .Do("x", () => ui.App.InjectKey(new Key('x')))
            .Until("server got x alone", () => server.Received == "x")
            .Do("ctrl+c", () => ui.App.InjectKey(Key.C.WithCtrl))
            .Do("up", () => ui.App.InjectKey(Key.CursorUp))
            .Until("server got ^C and ESC [ A", () => server.Received == "x\x03\x1b[A")
            .Until("status says char mode", () => ui.Window.StatusText.Contains("char mode", StringComparison.Ordinal))
            .Run();

        Assert.Equal(string.Empty, ui.Window.Input.Text);
        Assert.DoesNotContain("> x", ui.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paste_SeveralLines_AsksOnceThenSendsThemInOrder()
    {
        await using var server = new RecordingEchoServer();
        using var ui = new UiHarness(server.Port);

        ui.Until("connected", () => Connected(ui))
            .Do("paste", () => ui.App.RaisePasteEvent("one\ntwo\nthree\n"))
            .Until("asked", () => ui.App.TopRunnable is Dialog && ui.Screen.Contains("Send 3 lines?", StringComparison.Ordinal))
            .Do("yes", () => ui.App.InjectKey(Key.Y))
            .Until("all sent in order", () => server.Received == "one\r\ntwo\r\nthree\r\n")
            .Run();
    }

    [Fact]
    public void Connect_RefusedPort_ShowsTheFailureAndStaysUp()
    {
        var port = NetTerm.Testing.FreePort.Get();
        using var ui = new UiHarness(port);

        ui.Until("failure shown", () => ui.Screen.Contains("connection failed", StringComparison.Ordinal)
                && ui.Window.StatusText.Contains("failed:", StringComparison.Ordinal)
                && ui.Window.StatusText.Contains("^R reconnect", StringComparison.Ordinal))
            .Run();

        Assert.True(ReferenceEquals(ui.App.TopRunnable, ui.Window) || !ui.Window.IsRunning);
    }
}
