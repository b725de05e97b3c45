using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Dialogs;

/// <summary>F1: every key the client knows.</summary>
internal static class HelpDialog
{
    public const string Keys =
        "Enter        send the line (through the profile)     Up/Down      history\n"
        + "Tab          complete (when the profile offers)      Esc          clear selection\n"
        + "PgUp/PgDn    scroll output                           Ctrl+Home/End (or Home/End on an empty line) top/bottom\n"
        + "Shift+Up/Dn  select lines; mouse drag selects too   Ctrl+C       copy the selection\n"
        + "F1 help   F2 hex view   F3 find next   F4 side panel   F7 annotations   F10 menu\n"
        + "Ctrl+F find     Ctrl+L clear     Ctrl+R reconnect     Ctrl+O open     Ctrl+S save scrollback\n"
        + "Ctrl+T timestamps (off / wall clock / delta)           Ctrl+Q quit (asks while connected)\n"
        + "Ctrl+E export: Markdown transcript + the command that repeats the session\n"
        + "Ctrl+]       telnet command prompt: ayt ip brk ao ec el ga nop synch, echo, crlf/lf/cr,\n"
        + "             mode char|line|auto, close, reconnect, open HOST [PORT], quit\n"
        + "Character mode (server echoes and suppresses go-ahead): every key goes to the server;\n"
        + "             only Ctrl+] and F10 stay local. Backspace sends DEL (--backspace ctrl-h for ^H).\n"
        + "Paste of several lines asks once, then sends them in order.";

    public static void Show(IApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var dialog = new Dialog { Title = "NetTerm keys", Width = Dim.Percent(95) };
        dialog.Add(new Label { X = 1, Y = 1, Text = Keys });
        dialog.AddButton(new Button { Title = "_Close" });
        app.Run(dialog);
    }
}
