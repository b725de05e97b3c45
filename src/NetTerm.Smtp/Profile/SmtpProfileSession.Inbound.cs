using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Smtp.Annotations;
using NetTerm.Smtp.Dialog;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Profile;

internal sealed partial class SmtpProfileSession
{
    /// <summary>Runs on the read loop. Consumes whole replies; after the 220 to STARTTLS it stops at that reply's last
    /// byte and pauses, so that anything behind it stays unconsumed and makes the upgrade refuse.</summary>
    public InboundDecision OnInbound(ReadOnlySpan<byte> data)
    {
        var rest = data;
        while (_parser.TryParse(ref rest, out var reply) && reply is not null)
        {
            _context.MarkInbound(data.Length - rest.Length);
            if (HandleReply(reply))
            {
                // Bytes the parser already holds (a reply queued behind the 220) arrived before the handshake just
                // as surely as the unread ones: leave one byte unconsumed so the session refuses the upgrade.
                var consumed = data.Length - rest.Length;
                return new InboundDecision(_parser.IsIdle ? consumed : Math.Max(0, consumed - 1), Pause: true);
            }
        }

        return InboundDecision.All(data.Length);
    }

    /// <returns>True when the session must pause here for a TLS upgrade.</returns>
    private bool HandleReply(SmtpReply reply)
    {
        OutstandingCommand? command = null;
        bool unsolicited;
        ReplyEffect effect;
        var grouped = false;
        lock (_lock)
        {
            var greeting = _state.Phase == SmtpPhase.Greeting && _outstanding.Count == 0;
            grouped = _outstanding.Count > 1;
            if (_outstanding.Count > 0)
            {
                command = _outstanding.Dequeue();
            }

            unsolicited = command is null && !greeting && reply.Code != 421;
            var annotation = SmtpAnnotator.Annotate(command, reply, _state, unsolicited);
            if (command is not null && (grouped || command.Pipelined))
            {
                annotation = annotation with { Text = $"[{command.Shown}] {annotation.Text}" };
            }

            _context.Post(annotation);
            Judge(command, reply, unsolicited);
            effect = unsolicited ? ReplyEffect.None : _state.Apply(command, reply);
            ApplyEffect(effect, command, reply);
        }

        RaiseChanged();
        if (reply.Code == 421)
        {
            // RFC 5321 §3.8: the server is closing. One that keeps the socket open anyway is not waited for.
            var text = reply.Lines.Count > 0 ? Core.Terminal.ControlEscaper.Escape(reply.Lines[0], Core.Terminal.ControlEscaperOptions.Transcript) : string.Empty;
            _ = _context.CloseAsync($"the server is closing the session: 421 {text}", null);
        }

        return effect == ReplyEffect.UpgradeNow;
    }

    private void ApplyEffect(ReplyEffect effect, OutstandingCommand? command, SmtpReply reply)
    {
        switch (effect)
        {
            case ReplyEffect.UpgradeNow:
                _tlsPending = true;
                _ = Task.Run(UpgradeAsync);
                break;
            case ReplyEffect.SaslChallenge:
                _redactor.BeginExchange();
                _saslWaiting = true;
                OnSaslChallenge(reply);
                break;
            case ReplyEffect.SaslDone:
                _redactor.EndExchange();
                _saslWaiting = false;
                _responder = null;
                break;
            case ReplyEffect.MessageRejected:
                _context.Post(new AnnotationEvent("the message was NOT sent", Severity.Error));
                break;
            case ReplyEffect.None when command?.Command.Verb == "DATA" && reply.Code != 354:
                // DATA was refused: message lines already queued behind it (a pasted or piped message) must not go
                // out as commands. Lines typed later are not affected.
                _discardThrough = Interlocked.Read(ref _sequence);
                break;
        }
    }

    private async Task UpgradeAsync()
    {
        try
        {
            await _context.UpgradeToTlsAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A refused upgrade closes the session with the reason (a possible injection, a certificate failure):
            // its ClosedEvent tells the user. Anything else is said here. Nothing more is sent either way.
            lock (_lock)
            {
                _tlsPending = false;
            }

            if (ex is not Core.Transport.ConnectException)
            {
                _context.Post(new AnnotationEvent("STARTTLS failed: " + ex.Message, Severity.Error));
            }

            RaiseChanged();
        }
    }

    private void OnTlsUpgraded()
    {
        lock (_lock)
        {
            _tlsPending = false;
            _state.TlsEstablished();
            _parser.Reset();
        }

        // Interactive only, and only when nothing is queued: a script says for itself what follows STARTTLS.
        var ehlo = _options.EhloAfterTls && _context.Interactive && Interlocked.Read(ref _sent) >= Interlocked.Read(ref _queued);
        _context.Post(new AnnotationEvent(
            "TLS established: the capabilities learned before TLS are discarded (RFC 3207); "
            + (ehlo ? "sending EHLO again to learn them" : "say EHLO again"), Severity.Positive));
        RaiseChanged();
        if (ehlo)
        {
            string name;
            lock (_lock)
            {
                name = _state.ClientName ?? EhloName();
            }

            _ = Enqueue($"EHLO {name}", null);
        }
    }

    private ProfileResult? _failure;
    private bool _saidGoodbye;

    /// <summary>0 only for a session that ended with 221 after no unexpected 4xx/5xx: the first problem wins.</summary>
    public ProfileResult Result
    {
        get
        {
            lock (_lock)
            {
                return _failure ?? (_saidGoodbye ? ProfileResult.Ok : new ProfileResult(ProfileOutcome.Incomplete, "the session ended without a 221 reply to QUIT"));
            }
        }
    }

    private void Judge(OutstandingCommand? command, SmtpReply reply, bool unsolicited)
    {
        if (reply.Code == 221)
        {
            _saidGoodbye = true;
        }

        if (_failure is not null)
        {
            return;
        }

        if (reply.IsViolation)
        {
            _failure = new ProfileResult(ProfileOutcome.ProtocolViolation, $"protocol violation: {Core.Terminal.ControlEscaper.Escape(reply.Text, Core.Terminal.ControlEscaperOptions.Transcript)}");
        }
        else if (reply.ReplyClass is 4 or 5 && !unsolicited || reply.Code == 421)
        {
            var what = command is null ? "the greeting" : command.Shown;
            var text = reply.Lines.Count > 0 ? reply.Lines[0] : string.Empty;
            _failure = new ProfileResult(ProfileOutcome.Rejected,
                $"{what}: {reply.Code} {Core.Terminal.ControlEscaper.Escape(text, Core.Terminal.ControlEscaperOptions.Transcript)}");
        }
    }
}
