using System.Globalization;
using NetTerm.Core.Transport;
using NetTerm.Smtp.Annotations;
using NetTerm.Smtp.Capabilities;
using NetTerm.Smtp.Dialog;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Send;

public sealed partial class SmtpSender
{
    private bool Tls => _session?.IsTls ?? false;

    private async Task<SmtpReply> CommandAsync(SendStage stage, string line, string? shown, CancellationToken ct)
    {
        var sentAt = DateTimeOffset.Now;
        var started = _clock.Elapsed;
        await SendLineAsync(stage, line, shown, ct).ConfigureAwait(false);
        var reply = await ReadReplyAsync(stage, shown ?? line, ct).ConfigureAwait(false);
        Record(stage, shown ?? line, sentAt, (_clock.Elapsed - started).TotalMilliseconds, reply);
        return reply;
    }

    private async Task SendLineAsync(SendStage stage, string line, string? shown, CancellationToken ct)
    {
        PrintSent(shown ?? line);
        try
        {
            await _session!.SendLineAsync(line, shown, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            var closed = await WaitClosedAsync().ConfigureAwait(false);
            throw new SendFailure(stage, "the connection ended: " + (closed?.Reason ?? ex.Message), closed?.Failure ?? ConnectFailure.ConnectionLost);
        }
    }

    /// <summary>Records a reply to the report and the transcript, with its explanation when it is not a success.</summary>
    private void Record(SendStage stage, string command, DateTimeOffset sentAt, double latencyMs, SmtpReply reply)
    {
        var outstanding = command == "(connect)" ? null : new OutstandingCommand(SmtpCommand.Parse(command), command, sentAt);
        string? annotation = null;
        if (reply.ReplyClass is not (2 or 3))
        {
            annotation = SmtpAnnotator.Annotate(outstanding, reply, _state, unsolicited: false).Text;
        }

        _state.Apply(outstanding, reply);
        Print(reply, annotation, latencyMs);
        if (!_options.RecordSteps && annotation is null)
        {
            return;
        }

        Report.Steps.Add(new SendStep(stage.ToString().ToLowerInvariant(), command, sentAt, Math.Round(latencyMs, 1),
            new SendReply(reply.Code, reply.Enhanced?.ToString(), [.. reply.Lines.Select(Escape)], annotation)));
    }

    private static void Expect(SendStage stage, SmtpReply reply, string what, params int[] codes)
    {
        if (!codes.Contains(reply.Code))
        {
            throw new SendFailure(stage, $"{what}: {reply.Code} {(reply.Lines.Count > 0 ? Escape(reply.Lines[0]) : string.Empty)}".TrimEnd());
        }
    }

    private async Task HelloAsync(CancellationToken ct)
    {
        var reply = await CommandAsync(SendStage.Helo, "EHLO " + _options.Helo, null, ct).ConfigureAwait(false);
        if (reply.Code == 250)
        {
            _capabilities = EhloCapabilities.Parse(reply);
            return;
        }

        if (reply.ReplyClass != 5)
        {
            Expect(SendStage.Helo, reply, "EHLO", 250);
        }

        // An ESMTP-less server: HELO, and no extensions at all.
        reply = await CommandAsync(SendStage.Helo, "HELO " + _options.Helo, null, ct).ConfigureAwait(false);
        Expect(SendStage.Helo, reply, "HELO", 250);
        _capabilities = null;
    }

    private async Task StartTlsAsync(CancellationToken ct)
    {
        if (Tls || _options.StartTls == StartTlsPolicy.Never)
        {
            return;
        }

        if (_capabilities is not { StartTls: true })
        {
            if (_options.StartTls == StartTlsPolicy.Always)
            {
                throw new SendFailure(SendStage.Tls, "STARTTLS is not offered by the server (--starttls always)");
            }

            Note("===", "STARTTLS not offered: the session stays unencrypted (possible stripping)");
            return;
        }

        _reader.PauseAfterNextReply();
        var reply = await CommandAsync(SendStage.Tls, "STARTTLS", null, ct).ConfigureAwait(false);
        if (reply.Code != 220)
        {
            _session!.ResumeReading();
            if (_options.StartTls == StartTlsPolicy.Always)
            {
                Expect(SendStage.Tls, reply, "STARTTLS", 220);
            }

            Note("===", "STARTTLS refused: the session stays unencrypted");
            return;
        }

        try
        {
            var tls = _options.Session.UpgradeTls ?? _options.Session.Tls ?? new TlsOptions(_options.Session.Host);
            await _session!.UpgradeToTlsAsync(tls, ct).ConfigureAwait(false);
        }
        catch (ConnectException ex)
        {
            throw new SendFailure(SendStage.Tls, ex.Message, ex.Failure);
        }

        _reader.Reset();
        NoteTls(_session.Certificate!, upgraded: true);
        // RFC 3207 §4.2: forget what the server said before TLS, and ask again.
        _capabilities = null;
        await HelloAsync(ct).ConfigureAwait(false);
    }

    private async Task QuitAsync(CancellationToken ct)
    {
        var reply = await CommandAsync(SendStage.Quit, "QUIT", null, ct).ConfigureAwait(false);
        if (reply.Code != 221)
        {
            Note("===", $"QUIT answered {reply.Code.ToString(CultureInfo.InvariantCulture)}, not 221");
        }
    }

    /// <summary>After a failure: say goodbye if the connection is still up, without waiting long for it.</summary>
    private async Task QuitQuietlyAsync()
    {
        if (_session is null || _session.IsClosed || _closed is not null)
        {
            return;
        }

        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            PrintSent("QUIT");
            await _session.SendLineAsync("QUIT", null, cts.Token).ConfigureAwait(false);
            if (await _reader.Replies.WaitToReadAsync(cts.Token).ConfigureAwait(false) && _reader.Replies.TryRead(out var reply))
            {
                Print(reply, null, 0);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            // Already gone: the failure that brought us here is what the user needs.
        }
    }
}
