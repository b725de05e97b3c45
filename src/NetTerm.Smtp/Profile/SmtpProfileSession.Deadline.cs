using System.Globalization;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Smtp.Dialog;

namespace NetTerm.Smtp.Profile;

/// <summary>The reply deadline: a total limit per reply, so a server that never greets, stalls, or drips a byte at a
/// time cannot hold the session forever, and a "waiting for the server" state the front end shows meanwhile.</summary>
internal sealed partial class SmtpProfileSession
{
    private DateTimeOffset? _connectedAt;
    private ProfileWait? _waiting;
    private bool _deadlinePassed;

    public ProfileWait? Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting;
            }
        }
    }

    /// <summary>Four checks a second until the session closes.</summary>
    private async Task DeadlineLoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            lock (_lock)
            {
                if (_closed)
                {
                    _waiting = null;
                    return;
                }
            }

            CheckDeadline();
        }
    }

    /// <summary>What the session waits for from the server, and since when; null when it waits for nobody (no
    /// command outstanding, a SASL prompt the user answers, DATA being typed).</summary>
    private (string What, DateTimeOffset Since)? AwaitedReply()
    {
        if (_closed || _deadlinePassed || _tlsPending)
        {
            return null;
        }

        if (_state.Phase == SmtpPhase.Greeting && _outstanding.Count == 0)
        {
            return _connectedAt is { } at ? ("the greeting", at) : null;
        }

        return _outstanding.TryPeek(out var oldest) ? (oldest.Shown, oldest.SentAt) : null;
    }

    private void CheckDeadline()
    {
        string? expired = null;
        var changed = false;
        lock (_lock)
        {
            var awaited = AwaitedReply();
            var now = DateTimeOffset.Now;
            var wait = awaited is { } a && now - a.Since >= _options.WaitingAfter ? new ProfileWait(a.What, a.Since) : null;
            if (awaited is { } due && now - due.Since >= _options.ReplyTimeout)
            {
                _deadlinePassed = true;
                wait = null;
                var limit = _options.ReplyTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                expired = due.What == "the greeting"
                    ? $"no greeting within {limit} s: closing the connection (--reply-timeout)"
                    : $"no complete reply to {due.What} within {limit} s: closing the connection (--reply-timeout)";
                _failure ??= new ProfileResult(ProfileOutcome.Incomplete, expired);
            }

            // Seconds tick in the banner, so a change of the whole second counts as a change.
            changed = wait?.What != _waiting?.What || (wait is not null && (int)(now - wait.Since).TotalSeconds != _waitingShownSeconds);
            _waitingShownSeconds = wait is null ? -1 : (int)(now - wait.Since).TotalSeconds;
            _waiting = wait;
        }

        if (expired is not null)
        {
            _context.Post(new AnnotationEvent(expired, Severity.Error));
            _ = _context.CloseAsync(expired, ConnectFailure.TimedOut);
        }

        if (changed || expired is not null)
        {
            RaiseChanged();
        }
    }

    private int _waitingShownSeconds = -1;

    /// <summary>A message between DATA and the reply to its "." when the connection ends was not accepted: say so
    /// before the close is published (nothing is resent).</summary>
    public IReadOnlyList<SessionEvent> OnClosing(ClosedEvent closed)
    {
        lock (_lock)
        {
            var inFlight = _state.Phase is SmtpPhase.Data or SmtpPhase.DataSent
                || _outstanding.Any(o => o.Command.Verb is "DATA" or ".");
            if (!inFlight)
            {
                return [];
            }

            var text = $"the message was NOT sent: the connection ended before the server accepted it ({closed.Reason})";
            _failure ??= new ProfileResult(ProfileOutcome.Incomplete, text);
            return [new AnnotationEvent(text, Severity.Error)];
        }
    }

    /// <summary>The banner line for an overdue reply (under the lock).</summary>
    private Banner? WaitingBanner()
    {
        if (_waiting is not { } wait)
        {
            return null;
        }

        var seconds = (int)(DateTimeOffset.Now - wait.Since).TotalSeconds;
        var limit = (int)_options.ReplyTimeout.TotalSeconds;
        var what = wait.What == "the greeting" ? "the server's greeting" : "the server's reply to " + wait.What;
        return new Banner($"waiting for {what} — {seconds} s of {limit} s (Esc stops waiting and closes)", Severity.Warning);
    }
}
