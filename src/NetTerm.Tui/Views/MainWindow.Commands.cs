using NetTerm.Core.Sessions;
using NetTerm.Tui.Dialogs;
using NetTerm.Tui.Input;
using Terminal.Gui.Views;
using NetTerm.Core.Terminal;

namespace NetTerm.Tui.Views;

internal sealed partial class MainWindow
{
    private LineEnding? _endingOverride;
    private string _lastSearch = string.Empty;
    private object? _nawsTimer;
    private (int Columns, int Rows) _lastNaws;

    /// <summary>Line ending for character-mode Enter and for lines on the next connection.</summary>
    private LineEnding Ending => _endingOverride ?? _controller.Options?.LineEnding ?? LineEnding.CrLf;

    private void ShowHelp() => HelpDialog.Show(_app);

    private void ShowHex() => HexDialog.Show(_app, Traffic);

    private void ShowSearch()
    {
        if (PromptDialog.Ask(_app, "Find", "Text to find in the scrollback (F3: next):", _lastSearch) is { Length: > 0 } text)
        {
            _lastSearch = text;
            FindNext(forward: false);
        }
    }

    /// <summary>Searches from the highlighted (or bottom visible) line; backwards first, since recent output is
    /// usually what one looks for.</summary>
    private void FindNext(bool forward)
    {
        if (_lastSearch.Length == 0)
        {
            ShowSearch();
            return;
        }

        var from = Output.Highlight >= 0
            ? Output.Highlight + (forward ? 1 : -1)
            : Math.Min(_output.Lines.Count - 1, Output.Viewport.Y + Output.Viewport.Height - 1);
        var hit = _output.Lines.FindNext(_lastSearch, from, forward, ignoreCase: true);
        if (hit < 0)
        {
            // Wrap once around the ends.
            hit = _output.Lines.FindNext(_lastSearch, forward ? 0 : _output.Lines.Count - 1, forward, ignoreCase: true);
        }

        if (hit < 0)
        {
            Output.Highlight = -1;
            Say(LineKind.System, $"not found: {_lastSearch}");
            return;
        }

        Output.Highlight = hit;
        Output.Reveal(hit);
        Output.SetNeedsDraw();
    }

    private void TogglePanel()
    {
        _panel.Visible = !_panel.Visible;
        Output.Width = _panel.Visible ? Terminal.Gui.ViewBase.Dim.Fill(PanelWidth) : Terminal.Gui.ViewBase.Dim.Fill();
        SetNeedsLayout();
    }

    /// <summary>Ctrl+S: the scrollback as shown (escaped, timestamps as currently displayed) to a file.</summary>
    private void SaveTranscript()
    {
        var name = PromptDialog.Ask(_app, "Save scrollback", "File name:", $"netterm-{DateTime.Now:yyyyMMdd-HHmmss}.txt");
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        try
        {
            var path = Path.GetFullPath(name);
            int saved;
            using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
            using (_output.Lines.SyncRoot.EnterScope())
            {
                // One state of the scrollback: a flood would otherwise shift the lines under the loop.
                saved = _output.Lines.Count;
                for (var i = 0; i < saved; i++)
                {
                    if (!Output.IsShown(i))
                    {
                        continue;
                    }

                    writer.Write(Output.RowText(i));
                    writer.Write('\n');
                }
            }

            Say(LineKind.System, $"saved {saved} lines to {path}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Say(LineKind.Error, "save failed: " + ex.Message);
        }
    }

    /// <summary>Ctrl+Q: asks first while connected (Yes is the default button), then stops the window.</summary>
    internal void AskQuit()
    {
        if (_controller.IsConnected)
        {
            var target = _controller.Target is { } t ? $"{t.Host}:{t.Port}" : "the server";
            var answer = MessageBox.Query(_app, "Quit", $"Still connected to {target}.\nClose the connection and quit?", "_No", "_Yes");
            if (answer != 1)
            {
                return;
            }
        }

        RequestStop();
    }

    /// <summary>`netterm` without a host: the connect dialog first; cancelling leaves the empty client.</summary>
    internal void OpenAtStart()
    {
        ShowConnectDialog();
        if (_controller.Target is null)
        {
            Say(LineKind.System, "not connected: Ctrl+O opens a connection, Ctrl+Q quits");
        }
    }

    private void ShowConnectDialog()
    {
        var chosen = ConnectDialog.Ask(_app, _launch.Modes, _controller.Target, _launch.SavedSessions(), _launch.NoColor);
        if (chosen is not null)
        {
            ConnectTo(chosen);
        }
    }

    private void ConnectTo(ConnectTarget target)
    {
        try
        {
            Connect(target, _launch.OptionsFor(target));
        }
        catch (ArgumentException ex)
        {
            Say(LineKind.Error, ex.Message);
        }
    }

    private void ShowTelnetPrompt()
    {
        var text = PromptDialog.Ask(_app, "netterm", "telnet> (? for help)", string.Empty);
        if (text is null)
        {
            return;
        }

        switch (PromptCommand.Parse(text))
        {
            case PromptCommand.Send s:
                SendTelnetCommand(s);
                break;
            case PromptCommand.ToggleEcho:
                LocalEcho = !LocalEcho;
                Say(LineKind.System, LocalEcho ? "local echo on" : "local echo off");
                break;
            case PromptCommand.SetEnding e:
                _endingOverride = e.Ending;
                Say(LineKind.System, $"line ending {e.Ending}: character-mode Enter now; typed lines from the next connection (Ctrl+R)");
                break;
            case PromptCommand.SetMode m:
                SetCharacterMode(m.CharMode);
                break;
            case PromptCommand.Close:
                _ = _controller.CloseAsync();
                break;
            case PromptCommand.Reconnect:
                Reconnect();
                break;
            case PromptCommand.Open { Host: { } host } o:
                ConnectTo(new ConnectTarget(host, o.Port ?? 23, _launch.Modes[0], Tls: false));
                break;
            case PromptCommand.Open:
                ShowConnectDialog();
                break;
            case PromptCommand.Quit:
                RequestStop();
                break;
            case PromptCommand.ShowHelp:
                Say(LineKind.System, PromptCommand.Help);
                break;
            case PromptCommand.Invalid i:
                Say(LineKind.Error, i.Message);
                break;
        }
    }

    private async void SendTelnetCommand(PromptCommand.Send s)
    {
        try
        {
            if (_controller.Session is not { IsConnected: true } session)
            {
                Say(LineKind.Error, "not connected");
                return;
            }

            await session.SendTelnetCommandAsync(s.Command, CancellationToken.None).ConfigureAwait(true);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            Say(LineKind.Error, $"{s.Command}: {ex.Message}");
        }
    }

    /// <summary>The pane changed size: the view re-lays out by itself; telnet gets NAWS, debounced so a drag-resize
    /// sends one update.</summary>
    private void OnOutputResized()
    {
        var size = (Output.Viewport.Width, Output.Viewport.Height);
        if (size == _lastNaws || size.Width <= 0 || size.Height <= 0 || _nawsTimer is not null)
        {
            return;
        }

        _nawsTimer = _app.AddTimeout(TimeSpan.FromMilliseconds(150), () =>
        {
            _nawsTimer = null;
            var now = (Output.Viewport.Width, Output.Viewport.Height);
            if (now != _lastNaws && _controller.Session is { IsConnected: true } session)
            {
                _lastNaws = now;
                _ = session.SetWindowSizeAsync(now.Width, now.Height, CancellationToken.None)
                    .ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            }

            return false;
        });
    }
}
