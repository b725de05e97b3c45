using NetTerm.Core.Profiles;
using NetTerm.Tui.Dialogs;
using Terminal.Gui.Input;
using Terminal.Gui.Views;
using NetTerm.Core.Terminal;

namespace NetTerm.Tui.Views;

internal sealed partial class MainWindow
{
    private MenuBarItem? _profileMenu;
    private MenuBarItem? _telnetMenu;
    private IProfileSession? _hooked;
    private int _profileChangePending;

    /// <summary>F10 menu. The keys shown are handled by the global key router (MenuItem keys are not global).</summary>
    private MenuBar BuildMenu()
    {
        var file = new List<MenuItem>
        {
            new("_Open…", "Connect to a host", ShowConnectDialog, Key.O.WithCtrl),
            new("_Reconnect", "Connect again", Reconnect, Key.R.WithCtrl),
            new("_Close connection", string.Empty, () => _ = _controller.CloseAsync(), Key.Empty),
            new("_Save scrollback…", "Write the scrollback to a file", SaveTranscript, Key.S.WithCtrl),
            new("_Export…", "Markdown transcript and the command that repeats it", ExportSession, Key.E.WithCtrl),
        };
        if (_launch.SaveSession is { } save)
        {
            file.Add(new MenuItem("Save sessio_n", "Remember this host", () =>
            {
                if (_controller.Target is { } t)
                {
                    try
                    {
                        Say(LineKind.System, "saved session " + save(t));
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
                    {
                        Say(LineKind.Error, "could not save the session: " + ex.Message);
                    }
                }
            }, Key.Empty));
        }

        file.Add(new MenuItem("_Quit", string.Empty, AskQuit, Key.Q.WithCtrl));
        var menu = new MenuBar();
        menu.Add(new MenuBarItem("_File", file));
        menu.Add(new MenuBarItem("_View",
        [
            new MenuItem("_Hex view", "Bytes in and out", ShowHex, Key.F2),
            new MenuItem("_Find…", "Search the scrollback", ShowSearch, Key.F.WithCtrl),
            new MenuItem("Find _next", string.Empty, () => FindNext(forward: true), Key.F3),
            new MenuItem("_Clear", string.Empty, ClearOutput, Key.L.WithCtrl),
            new MenuItem("_Timestamps", "Off / wall clock / delta", CycleTimestamps, Key.T.WithCtrl),
            new MenuItem("Side _panel", string.Empty, TogglePanel, Key.F4),
            new MenuItem("_Annotations", "Show or hide reply explanations", () => ShowAnnotations = !ShowAnnotations, Key.F7),
            new MenuItem("_Wrap lines", "Long lines continue below, or are cut", () => Output.WrapLines = !Output.WrapLines, Key.Empty),
            new MenuItem("C_ertificate…", "The server's TLS certificate", ShowCertificate, Key.Empty),
        ]));
        menu.Add(new MenuBarItem("_Help", [new MenuItem("_Keys", string.Empty, ShowHelp, Key.F1)]));
        return menu;
    }

    /// <summary>The Telnet menu only while the session speaks telnet: AYT/IP/BRK mean nothing to an SMTP or raw
    /// peer. Ctrl+] (the command prompt: echo, line ending, close, reconnect) stays a key in every mode.</summary>
    private void ShowTelnetMenu(bool telnet)
    {
        if (telnet == _telnetMenu is not null)
        {
            return;
        }

        if (!telnet)
        {
            _menu.Remove(_telnetMenu!);
            _telnetMenu!.Dispose();
            _telnetMenu = null;
            return;
        }

        _telnetMenu = new MenuBarItem("_Telnet",
        [
            new MenuItem("_Command prompt…", "send AYT/IP/BRK…, echo, mode", ShowTelnetPrompt, Key.D5.WithCtrl),
            new MenuItem("Send _AYT", string.Empty, () => SendTelnetCommand(new Input.PromptCommand.Send(Core.Telnet.TelnetCommand.AYT)), Key.Empty),
            new MenuItem("Send _IP", string.Empty, () => SendTelnetCommand(new Input.PromptCommand.Send(Core.Telnet.TelnetCommand.IP)), Key.Empty),
            new MenuItem("Send _BRK", string.Empty, () => SendTelnetCommand(new Input.PromptCommand.Send(Core.Telnet.TelnetCommand.BRK)), Key.Empty),
        ]);
        _menu.Add(_telnetMenu);
    }

    /// <summary>Whether the Telnet menu is in the menu bar (tests).</summary>
    internal bool TelnetMenuShown => _telnetMenu is not null;

    private void ShowCertificate()
    {
        if (_tls is { } c)
        {
            CertificateDialog.Show(_app, c);
        }
        else
        {
            Say(LineKind.System, "no TLS on this connection");
        }
    }

    /// <summary>Subscribes to the current profile's Changed (raised on any thread) and renders it once now.</summary>
    private void HookProfile()
    {
        if (_hooked is not null)
        {
            _hooked.Changed -= OnProfileChanged;
        }

        _hooked = _controller.Profile;
        if (_hooked is not null)
        {
            _hooked.Changed += OnProfileChanged;
        }

        RenderProfile();
    }

    private void OnProfileChanged(object? sender, EventArgs e)
    {
        // Coalesced: a burst of changes is rendered once on the UI loop.
        if (Interlocked.Exchange(ref _profileChangePending, 1) == 0)
        {
            Post(() =>
            {
                Volatile.Write(ref _profileChangePending, 0);
                RenderProfile();
            });
        }
    }

    private void RenderProfile()
    {
        var profile = _controller.Profile;
        _prompt.Text = CharMode ? "[char mode] " : PromptText();
        ShowBanners(profile?.Banners ?? []);
        var sections = profile?.Panel ?? [];
        var hadPanel = _panel.HasContent;
        _panel.Show(sections);
        if (sections.Count > 0 && !hadPanel && !_panel.Visible)
        {
            TogglePanel();
        }
        else if (sections.Count == 0 && _panel.Visible)
        {
            TogglePanel();
        }

        RebuildProfileMenu(profile?.Actions ?? []);
        SetNeedsLayout();
    }

    private string PromptText() =>
        (_controller.Profile is { } p ? Core.Terminal.ControlEscaper.Escape(p.PromptLabel) : string.Empty) + "> ";

    private void RebuildProfileMenu(IReadOnlyList<ProfileAction> actions)
    {
        if (_profileMenu is not null)
        {
            _menu.Remove(_profileMenu);
            _profileMenu.Dispose();
            _profileMenu = null;
        }

        if (actions.Count == 0)
        {
            return;
        }

        var items = actions.Select(a => new MenuItem(a.Title, a.Help, () => RunAction(a), Key.Empty) { Enabled = a.Enabled });
        _profileMenu = new MenuBarItem("_Profile", items);
        _menu.Add(_profileMenu);
    }
}
