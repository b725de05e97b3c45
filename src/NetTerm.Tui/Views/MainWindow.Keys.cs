using NetTerm.Tui.Input;
using Terminal.Gui.Input;
using NetTerm.Core.Terminal;

namespace NetTerm.Tui.Views;

internal sealed partial class MainWindow
{
    /// <summary>
    /// Global keys, seen before any view (MenuItem keys are not global in TG 2.5.0, see the crib sheet). Only while
    /// this window is on top and no menu is open, so dialogs keep their own keys. In character mode every key but
    /// Ctrl+] and F10 goes to the server.
    /// </summary>
    private void OnGlobalKeyDown(object? sender, Key key)
    {
        if (key.Handled || !ReferenceEquals(_app.TopRunnable, this) || _app.Popovers?.GetActivePopover() is not null)
        {
            return;
        }

        key.Handled = CharMode ? HandleCharModeKey(key) : HandleLineModeKey(key);
    }

    private bool HandleCharModeKey(Key key)
    {
        if (CharModeKeyMapper.IsEscapeKey(key))
        {
            ShowTelnetPrompt();
            return true;
        }

        var text = CharModeKeyMapper.Map(key, _launch.Backspace, Ending);
        if (text is null)
        {
            // F10 (menu) and keys with no meaning for the server.
            return key.KeyCode != Terminal.Gui.Drivers.KeyCode.F10 && !key.IsModifierOnly;
        }

        SendKeys(text);
        return true;
    }

    private bool HandleLineModeKey(Key key)
    {
        if (CharModeKeyMapper.IsEscapeKey(key))
        {
            ShowTelnetPrompt();
            return true;
        }

        if (key == Key.F1)
        {
            ShowHelp();
        }
        else if (key == Key.F2)
        {
            ShowHex();
        }
        else if (key == Key.F3)
        {
            FindNext(forward: true);
        }
        else if (key == Key.F4)
        {
            TogglePanel();
        }
        else if (key == Key.F7)
        {
            ShowAnnotations = !ShowAnnotations;
            Say(LineKind.System, ShowAnnotations ? "annotations shown" : "annotations hidden (F7 shows them again)");
        }
        else if (key == Key.F.WithCtrl)
        {
            ShowSearch();
        }
        else if (key == Key.L.WithCtrl)
        {
            ClearOutput();
        }
        else if (key == Key.R.WithCtrl)
        {
            Reconnect();
        }
        else if (key == Key.O.WithCtrl)
        {
            ShowConnectDialog();
        }
        else if (key == Key.S.WithCtrl)
        {
            SaveTranscript();
        }
        else if (key == Key.E.WithCtrl)
        {
            ExportSession();
        }
        else if (key == Key.T.WithCtrl)
        {
            CycleTimestamps();
        }
        else if (key == Key.Q.WithCtrl)
        {
            AskQuit();
        }
        else
        {
            return HandleScrollKey(key);
        }

        return true;
    }

    /// <summary>Scrolling and selection keys of the output pane, which work while typing in the input line.</summary>
    private bool HandleScrollKey(Key key)
    {
        var inputEmpty = Input.Text.Length == 0;
        if (key == Key.PageUp)
        {
            Output.InvokeCommand(Command.PageUp);
        }
        else if (key == Key.PageDown)
        {
            Output.InvokeCommand(Command.PageDown);
        }
        else if (key == Key.Home.WithCtrl || (key == Key.Home && inputEmpty))
        {
            Output.ScrollToTop();
        }
        else if (key == Key.End.WithCtrl || (key == Key.End && inputEmpty))
        {
            Output.ScrollToBottom();
        }
        else if (key == Key.CursorUp.WithShift)
        {
            Output.ExtendSelection(-1);
        }
        else if (key == Key.CursorDown.WithShift)
        {
            Output.ExtendSelection(1);
        }
        else if (key == Key.C.WithCtrl && Output.HasSelection)
        {
            CopySelection();
        }
        else if (key == Key.Esc && (Output.HasSelection || Output.Highlight >= 0))
        {
            Output.ClearSelection();
            Output.Highlight = -1;
        }
        else if (key == Key.Esc && inputEmpty && _controller.Profile?.Waiting is { } wait)
        {
            // The protocol has no way to cancel a command: stop waiting means closing (Ctrl+R reconnects).
            Say(LineKind.Warning, $"stopped waiting for the reply to {wait.What}: closing the connection");
            _ = _controller.CloseAsync();
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>The most OSC 52 carries: terminals cap the sequence (xterm ~100 kB, others less).</summary>
    private const int MaxOsc52Base64 = 100_000;

    /// <summary>Copies the selected lines to the host terminal's clipboard with OSC 52, which works in a terminal
    /// over SSH and in tmux, and to the system clipboard when Terminal.Gui can reach one (Windows, macOS, X with
    /// xclip). Mouse capture takes the terminal's own selection away, so this is the copy the user has.</summary>
    private void CopySelection()
    {
        var text = Output.SelectedText();
        var lines = text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);
        var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
        var osc52 = base64.Length <= MaxOsc52Base64 && _app.Driver is { IsLegacyConsole: false } driver && TryWriteRaw(driver, "\u001b]52;c;" + base64 + "\u0007");
        var system = _app.Clipboard is { IsSupported: true } clipboard && clipboard.TrySetClipboardData(text);
        if (osc52 || system)
        {
            Say(LineKind.System, $"copied {lines} line(s) to the clipboard{(osc52 ? " (OSC 52)" : string.Empty)}");
            Output.ClearSelection();
        }
        else
        {
            Say(LineKind.Warning, base64.Length > MaxOsc52Base64
                ? "selection too large for the terminal clipboard; use Ctrl+S to save the scrollback instead"
                : "no clipboard available here; use Ctrl+S to save the scrollback instead");
        }
    }

    private static bool TryWriteRaw(Terminal.Gui.Drivers.IDriver driver, string sequence)
    {
        try
        {
            driver.WriteRaw(sequence);
            return true;
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or InvalidOperationException)
        {
            return false;
        }
    }

    private void CycleTimestamps()
    {
        Output.Timestamps = Output.Timestamps switch
        {
            LineTimestampMode.Off => LineTimestampMode.WallClock,
            LineTimestampMode.WallClock => LineTimestampMode.Delta,
            _ => LineTimestampMode.Off,
        };
        Output.SetNeedsDraw();
        Say(LineKind.System, Output.Timestamps switch
        {
            LineTimestampMode.WallClock => "timestamps: wall clock",
            LineTimestampMode.Delta => "timestamps: time since the previous line",
            _ => "timestamps: off",
        });
    }

    private void ClearOutput()
    {
        _output.Lines.Clear();
        Output.ClearSelection();
        Output.Highlight = -1;
        Output.ScrollToBottom();
        Output.Refresh();
    }
}
