using NetTerm.Core.Profiles;
using NetTerm.Smtp.Data;
using NetTerm.Smtp.Dialog;

namespace NetTerm.Smtp.Profile;

internal sealed partial class SmtpProfileSession
{
    private enum Step
    {
        Wait,
        Command,
        Body,
        SaslResponse,
        Discard,

        /// <summary>Not sent; the reason has been posted (AUTH in the clear, headless).</summary>
        Refuse,
    }

    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Sends queued lines one at a time, each when the protocol allows it.</summary>
    private async Task PumpAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var pending in _queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    await SendWhenAllowedAsync(pending, ct).ConfigureAwait(false);
                    pending.Sent.TrySetResult();
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
                {
                    pending.Sent.TrySetException(ex is OperationCanceledException ? new IOException("the session is closed") : ex);
                }
                finally
                {
                    Interlocked.Increment(ref _sent);
                    RaiseChanged();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendWhenAllowedAsync(PendingLine pending, CancellationToken ct)
    {
        while (true)
        {
            Task changed;
            Step step;
            string? shown;
            lock (_lock)
            {
                changed = _signal.Task;
                step = Decide(pending);
                shown = step == Step.SaslResponse ? "****" : pending.Shown ?? _redactor.RedactSent(pending.Line);
                if (step is Step.Command or Step.Body or Step.SaslResponse)
                {
                    Register(step, pending, shown);
                    RecordForExport(step, pending);
                }
            }

            switch (step)
            {
                case Step.Wait:
                    await changed.WaitAsync(ct).ConfigureAwait(false);
                    continue;
                case Step.Discard:
                    _context.Post(new AnnotationEvent($"not sent (DATA was refused): {shown ?? pending.Line}", Severity.Warning));
                    return;
                case Step.Refuse:
                    return;
                case Step.Body:
                    var wire = pending.IsTerminator ? "." : DotStuffer.Stuff(pending.Line);
                    await _context.SendLineAsync(wire, shown, ct).ConfigureAwait(false);
                    return;
                default:
                    await _context.SendLineAsync(pending.Line, shown, ct).ConfigureAwait(false);
                    return;
            }
        }
    }

    /// <summary>Decides under the lock whether <paramref name="pending"/> may go now.</summary>
    private Step Decide(PendingLine pending)
    {
        if (_closed)
        {
            throw new IOException("the session is closed");
        }

        if (pending.Sequence <= _discardThrough)
        {
            // The refused message ends at its "."; lines queued after that go out normally.
            if (pending.IsTerminator)
            {
                _discardThrough = pending.Sequence;
            }

            return Step.Discard;
        }

        if (pending.Content && _state.Phase != SmtpPhase.Data)
        {
            // A composed message's line outside DATA would be read as a command: wait for 354, drop it otherwise.
            return _tlsPending || _outstanding.Count > 0 || _state.Phase == SmtpPhase.Greeting ? Step.Wait : Step.Discard;
        }

        return DecideLive(pending);
    }

    private Step DecideLive(PendingLine pending)
    {
        // Nothing may follow STARTTLS until the handshake is done; nothing is sent before the greeting.
        if (_tlsPending || _state.Phase == SmtpPhase.Greeting)
        {
            return Step.Wait;
        }

        if (_state.Phase == SmtpPhase.Data)
        {
            return Step.Body;
        }

        if (_saslWaiting)
        {
            return _responder is null ? Step.SaslResponse : Step.Wait;
        }

        // AUTH waits for every earlier answer (a STARTTLS among them changes whether it may go at all).
        var auth = SmtpCommand.Parse(pending.Line).Verb == "AUTH";
        if (auth && _outstanding.Count > 0)
        {
            return Step.Wait;
        }

        if (auth && RefusedAuth())
        {
            return Step.Refuse;
        }

        if (_outstanding.Count == 0)
        {
            return Step.Command;
        }

        // RFC 2920: with PIPELINING a group may grow until a command that needs its answer first (EHLO, DATA, AUTH…).
        var pipelining = _state.Capabilities?.Pipelining ?? false;
        var groupOpen = _outstanding.All(o => !o.SaslResponse && !SmtpCommandCatalog.IsSyncPoint(o.Command.Verb));
        return pipelining && groupOpen ? Step.Command : Step.Wait;
    }

    /// <summary>Headless AUTH on a plaintext session, judged now that every earlier line (STARTTLS) has been answered.</summary>
    private bool RefusedAuth()
    {
        if (_context.Interactive || _context.IsTls || _options.AllowPlaintextAuth || _plaintextAuthConfirmed)
        {
            return false;
        }

        const string Reason = "AUTH refused: the session is not encrypted (use STARTTLS, or --allow-plaintext-auth); line not sent";
        _context.Post(new Core.Sessions.WarningEvent(Reason));
        _failure ??= new ProfileResult(ProfileOutcome.Rejected, Reason);
        return true;
    }

    private void Register(Step step, PendingLine pending, string? masked)
    {
        var shown = masked ?? pending.Line;
        var now = DateTimeOffset.Now;
        switch (step)
        {
            case Step.Body when pending.IsTerminator:
                _state.DataEnded();
                _outstanding.Enqueue(new OutstandingCommand(new SmtpCommand(".", string.Empty), ".", now));
                break;
            case Step.Body:
                break;
            case Step.SaslResponse:
                _saslWaiting = false;
                _outstanding.Enqueue(new OutstandingCommand(new SmtpCommand("AUTH", string.Empty), shown, now, SaslResponse: true));
                break;
            default:
                var command = SmtpCommand.Parse(pending.Line);
                if (!_context.Interactive && SequenceProblem(command) is { } problem)
                {
                    _context.Post(new AnnotationEvent($"warning: {problem} (sent anyway)", Severity.Warning));
                }

                _outstanding.Enqueue(new OutstandingCommand(command, shown, now) { Pipelined = _outstanding.Count > 0 });
                break;
        }
    }

    /// <summary>Wakes the pump: a reply arrived, TLS finished, the session closed.</summary>
    private void Signal()
    {
        var old = _signal;
        _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }
}
