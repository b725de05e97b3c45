using NetTerm.Core.Profiles;
using NetTerm.Tui.Dialogs;
using Terminal.Gui.Input;
using NetTerm.Core.Terminal;

namespace NetTerm.Tui.Views;

internal sealed partial class MainWindow
{
    private readonly Queue<string> _submissions = new();
    private bool _sending;

    /// <summary>Enter in the input line. The profile reviews the line first; the text stays in the input if it is
    /// not sent (refused, cancelled, or the send failed). Lines entered while an earlier one is still on its way
    /// (fast typing, DATA lines, an empty line in a message) wait their turn in order; none is dropped.</summary>
    private async void OnSubmitted(string line)
    {
        _submissions.Enqueue(line);
        if (_sending)
        {
            Input.Replace(string.Empty);
            return;
        }

        _sending = true;
        try
        {
            while (_submissions.TryDequeue(out var next))
            {
                if (await SubmitLineAsync(next, fromInput: true).ConfigureAwait(true))
                {
                    Output.ScrollToBottom();
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // async void: nothing may escape, the UI must stay up.
            Say(LineKind.Error, "send failed: " + ex.Message);
        }
        finally
        {
            _sending = false;
        }
    }

    /// <summary>Runs one line through the profile. Returns true when it was handed over for sending.</summary>
    private async Task<bool> SubmitLineAsync(string line, bool fromInput)
    {
        if (_controller.Profile is not { } profile || !_controller.IsConnected)
        {
            Say(LineKind.Error, "not connected: Ctrl+R reconnects, Ctrl+O opens a connection");
            return false;
        }

        return await HandleReviewAsync(profile, profile.Review(line), line, fromInput).ConfigureAwait(true);
    }

    /// <summary>Carries out a profile's decision about a typed line (or, with no line, a menu action). A confirmed
    /// question either sends the line or continues with what the profile says comes next (a form).</summary>
    private async Task<bool> HandleReviewAsync(IProfileSession profile, SubmitReview review, string? line, bool fromInput) => review switch
    {
        SubmitReview.SendLine when line is not null => await SendAsync(profile, line, fromInput).ConfigureAwait(true),
        SubmitReview.Confirm c => ConfirmDialog.Ask(_app, c.Confirmation)
            && (c.Confirmation.OnYes is { } next
                ? await HandleReviewAsync(profile, next(), line, fromInput).ConfigureAwait(true)
                : line is not null && await SendAsync(profile, line, fromInput).ConfigureAwait(true)),
        SubmitReview.OpenForm f => await RunFormAsync(f.Form, fromInput).ConfigureAwait(true),
        SubmitReview.Refuse r => Refused(r.Reason),
        _ => false,
    };

    private bool Refused(string reason)
    {
        Say(LineKind.Error, "not sent: " + reason);
        return false;
    }

    private Task<bool> SendAsync(IProfileSession profile, string line, bool fromInput)
    {
        // Typed while the server took echo away (a password), or a line the profile masks (a credential, any line
        // inside a SASL exchange): never kept in the history. Decided here, when the typed text is at hand; the
        // events only carry the masked form.
        if (!(_controller.Session?.RemoteEcho ?? false) && profile.Redactor?.RedactSent(line) is null)
        {
            Remember(line);
        }

        // Only the line just entered is cleared: text typed since (while this one waited) stays.
        if (fromInput && Input.Text == line)
        {
            Input.Replace(string.Empty);
        }

        // Handed over, not awaited: the profile queues in order and paces by the server's replies, so the next
        // Enter must not wait for this line to reach the wire (it used to be dropped while a reply was pending).
        _ = ObserveSendAsync(profile.SubmitAsync(line, CancellationToken.None), line, fromInput);
        return Task.FromResult(true);
    }

    private async Task ObserveSendAsync(Task sent, string line, bool fromInput)
    {
        try
        {
            await sent.ConfigureAwait(true);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            var kept = fromInput && Input.Text.Length == 0;
            if (kept)
            {
                Input.Replace(line);
            }

            Say(LineKind.Error, "send failed: " + ex.Message + (kept ? " (the line is kept in the input)" : string.Empty));
        }
    }

    private async Task<bool> RunFormAsync(FormRequest form, bool fromInput)
    {
        var values = FormDialog.Ask(_app, form, _launch.NoColor);
        if (values is null)
        {
            return false;
        }

        if (fromInput)
        {
            Input.Replace(string.Empty);
        }

        try
        {
            await form.Submit(values, CancellationToken.None).ConfigureAwait(true);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Say(LineKind.Error, $"{form.Title}: {ex.Message}");
            return false;
        }
    }

    /// <summary>A profile menu action: its review is handled like one for a typed line.</summary>
    private async void RunAction(ProfileAction action)
    {
        try
        {
            if (_controller.Profile is { } profile)
            {
                await HandleReviewAsync(profile, action.Run(), null, fromInput: false).ConfigureAwait(true);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Say(LineKind.Error, $"{action.Title}: {ex.Message}");
        }
    }

    /// <summary>Character mode: the key's bytes go out now; nothing is echoed locally (the server echoes).</summary>
    private async void SendKeys(string text)
    {
        if (_controller.Session is not { IsConnected: true } session)
        {
            return;
        }

        try
        {
            await session.SendTextAsync(text, CancellationToken.None).ConfigureAwait(true);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            Say(LineKind.Error, "send failed: " + ex.Message);
        }
    }

    /// <summary>
    /// A bracketed paste arrives as one event. Several lines: ask once, then send them in order, each through the
    /// profile. In character mode the text goes to the server as typed. A single line goes into the input as usual.
    /// </summary>
    private void OnPaste(object? sender, PasteEventArgs e)
    {
        if (!ReferenceEquals(_app.TopRunnable, this) || e.Text.Length == 0)
        {
            return;
        }

        if (CharMode)
        {
            SendKeys(e.Text.ReplaceLineEndings("\r"));
            e.Handled = true;
            return;
        }

        var lines = e.Text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        if (lines.Length < 2)
        {
            return;
        }

        e.Handled = true;
        _ = SendPastedAsync(lines);
    }

    private async Task SendPastedAsync(string[] lines)
    {
        var preview = string.Join("\n", lines.Take(5).Select(l => Core.Terminal.ControlEscaper.Escape(l.Length > 60 ? l[..60] + "…" : l)));
        var more = lines.Length > 5 ? $"\n… and {lines.Length - 5} more" : string.Empty;
        if (!ConfirmDialog.Ask(_app, new Confirmation("Paste", $"Send {lines.Length} lines?\n\n{preview}{more}", "paste refused")))
        {
            return;
        }

        foreach (var line in lines)
        {
            if (!await SubmitLineAsync(line, fromInput: false).ConfigureAwait(true))
            {
                Say(LineKind.Warning, "paste stopped at: " + line);
                return;
            }
        }
    }

    /// <summary>Tab: the profile's candidates. One is applied; several open a list; none says so.</summary>
    private void Complete()
    {
        if (_controller.Profile is not { } profile)
        {
            return;
        }

        var text = Input.Text;
        var caret = Math.Clamp(Input.InsertionPoint, 0, text.Length);
        var candidates = profile.Complete(text, caret);
        var chosen = candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => CompletionDialog.Choose(_app, candidates),
        };
        if (chosen is null)
        {
            return;
        }

        var start = Math.Clamp(chosen.ReplaceStart, 0, caret);
        var result = text[..start] + chosen.Text + text[caret..];
        Input.Text = result;
        Input.InsertionPoint = start + chosen.Text.Length;
    }
}
