using System.Globalization;
using System.Text;
using NetTerm.Core.Transport;
using NetTerm.Smtp.Data;
using NetTerm.Smtp.Dialog;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Send;

/// <summary>MAIL, RCPT, DATA and the message, <see cref="SendOptions.Count"/> times. With PIPELINING each message
/// costs one round trip: the body, ".", and the next MAIL, RCPTs and DATA go in one write (RFC 2920).</summary>
public sealed partial class SmtpSender
{
    private byte[]? _stuffed;
    private string? _bodySummary;

    private IEnumerable<string> Envelope()
    {
        var size = _capabilities is { SizeAdvertised: true } ? " SIZE=" + _options.Message.Length.ToString(CultureInfo.InvariantCulture) : string.Empty;
        yield return $"MAIL FROM:<{_options.From}>{size}";
        foreach (var rcpt in _options.Recipients)
        {
            yield return $"RCPT TO:<{rcpt}>";
        }

        yield return "DATA";
    }

    private async Task TransactionsAsync(CancellationToken ct)
    {
        _stuffed = DotStuffer.StuffMessage(_options.Message.Span, appendTerminator: true);
        var lines = _options.Message.Span.Count((byte)'\n') + (_options.Message.Span.EndsWith("\n"u8) || _options.Message.IsEmpty ? 0 : 1);
        _bodySummary = $"[{lines.ToString(CultureInfo.InvariantCulture)} lines, {_options.Message.Length.ToString(CultureInfo.InvariantCulture)} bytes]";
        // Stopping after MAIL or RCPT means not sending DATA, so those runs go one command at a time.
        var pipelined = _options.Pipelining && _capabilities is { Pipelining: true } && _options.QuitAfter is not (SendStage.Mail or SendStage.Rcpt);
        if (_options.Pipelining && !pipelined)
        {
            Note("===", "the server does not offer PIPELINING: one command at a time");
        }

        var envelopeSent = false;
        for (var i = 0; i < _options.Count; i++)
        {
            if (pipelined)
            {
                if (!envelopeSent)
                {
                    await SendGroupAsync(ReadOnlyMemory<byte>.Empty, Envelope(), ct).ConfigureAwait(false);
                }

                await ReadEnvelopeRepliesAsync(ct).ConfigureAwait(false);
                if (Done(SendStage.Mail) || Done(SendStage.Rcpt))
                {
                    return;
                }

                // The body and "." of this message, and the next message's envelope, in one write.
                var next = i < _options.Count - 1 && _options.QuitAfter is null ? Envelope() : [];
                await SendGroupAsync(_stuffed, next, ct).ConfigureAwait(false);
                envelopeSent = next.Any();
                await ReadMessageReplyAsync(ct).ConfigureAwait(false);
            }
            else
            {
                await LockStepEnvelopeAsync(ct).ConfigureAwait(false);
                if (Done(SendStage.Mail) || Done(SendStage.Rcpt))
                {
                    return;
                }

                await SendGroupAsync(_stuffed, [], ct).ConfigureAwait(false);
                await ReadMessageReplyAsync(ct).ConfigureAwait(false);
            }

            if (Done(SendStage.Data))
            {
                return;
            }
        }
    }

    private readonly Queue<(SendStage Stage, string Command, DateTimeOffset SentAt, TimeSpan Started)> _inFlight = new();

    /// <summary>Writes <paramref name="body"/> (stuffed, with its ".") and then <paramref name="commands"/> as one
    /// write, and queues what each reply will answer.</summary>
    private async Task SendGroupAsync(ReadOnlyMemory<byte> body, IEnumerable<string> commands, CancellationToken ct)
    {
        var buffer = new MemoryStream(body.Length + 256);
        buffer.Write(body.Span);
        var started = _clock.Elapsed;
        if (!body.IsEmpty)
        {
            if (_options.ShowData)
            {
                foreach (var line in Encoding.UTF8.GetString(_options.Message.Span).Split("\r\n").SkipLast(_options.Message.Span.EndsWith("\r\n"u8) ? 1 : 0))
                {
                    PrintSent(DotStuffer.Stuff(line));
                }
            }
            else
            {
                PrintSent(_bodySummary!);
            }

            PrintSent(".");
            _inFlight.Enqueue((SendStage.Data, ".", DateTimeOffset.Now, started));
        }

        foreach (var command in commands)
        {
            PrintSent(command);
            buffer.Write(Encoding.UTF8.GetBytes(command + "\r\n"));
            var stage = command.StartsWith("MAIL", StringComparison.Ordinal) ? SendStage.Mail
                : command.StartsWith("RCPT", StringComparison.Ordinal) ? SendStage.Rcpt : SendStage.Data;
            _inFlight.Enqueue((stage, command, DateTimeOffset.Now, started));
        }

        try
        {
            await _session!.SendBytesAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            var closed = await WaitClosedAsync().ConfigureAwait(false);
            throw new SendFailure(_inFlight.Peek().Stage, "the connection ended: " + (closed?.Reason ?? ex.Message), closed?.Failure ?? ConnectFailure.ConnectionLost);
        }
    }

    /// <summary>The reply to the oldest command in flight, recorded.</summary>
    private async Task<(SendStage Stage, string Command, SmtpReply Reply)> NextReplyAsync(CancellationToken ct)
    {
        var (stage, command, sentAt, started) = _inFlight.Dequeue();
        var reply = await ReadReplyAsync(stage, command, ct).ConfigureAwait(false);
        Record(stage, command, sentAt, (_clock.Elapsed - started).TotalMilliseconds, reply);
        return (stage, command, reply);
    }

    /// <summary>The replies to MAIL, each RCPT and DATA, read in order whatever they say, so that the stream stays in
    /// step; then the verdict: MAIL refused, every recipient refused, or DATA refused.</summary>
    private async Task ReadEnvelopeRepliesAsync(CancellationToken ct)
    {
        var mail = await NextReplyAsync(ct).ConfigureAwait(false);
        var accepted = 0;
        string? lastRefusal = null;
        for (var r = 0; r < _options.Recipients.Count; r++)
        {
            var rcpt = await NextReplyAsync(ct).ConfigureAwait(false);
            if (rcpt.Reply.Code is 250 or 251)
            {
                accepted++;
            }
            else
            {
                lastRefusal = $"{rcpt.Command}: {rcpt.Reply.Code} {First(rcpt.Reply)}";
            }
        }

        var data = await NextReplyAsync(ct).ConfigureAwait(false);
        Expect(SendStage.Mail, mail.Reply, mail.Command, 250);
        if (accepted == 0)
        {
            throw new SendFailure(SendStage.Rcpt, "no recipient was accepted; " + lastRefusal);
        }

        Expect(SendStage.Data, data.Reply, "DATA", 354);
    }

    private async Task LockStepEnvelopeAsync(CancellationToken ct)
    {
        var envelope = Envelope().ToList();
        var mail = await CommandAsync(SendStage.Mail, envelope[0], null, ct).ConfigureAwait(false);
        Expect(SendStage.Mail, mail, envelope[0], 250);
        if (Done(SendStage.Mail))
        {
            return;
        }

        var accepted = 0;
        string? lastRefusal = null;
        foreach (var rcpt in envelope.Skip(1).SkipLast(1))
        {
            var reply = await CommandAsync(SendStage.Rcpt, rcpt, null, ct).ConfigureAwait(false);
            if (reply.Code is 250 or 251)
            {
                accepted++;
            }
            else
            {
                lastRefusal = $"{rcpt}: {reply.Code} {First(reply)}";
            }
        }

        if (accepted == 0)
        {
            throw new SendFailure(SendStage.Rcpt, "no recipient was accepted; " + lastRefusal);
        }

        if (Done(SendStage.Rcpt))
        {
            return;
        }

        var data = await CommandAsync(SendStage.Data, "DATA", null, ct).ConfigureAwait(false);
        Expect(SendStage.Data, data, "DATA", 354);
    }

    private async Task ReadMessageReplyAsync(CancellationToken ct)
    {
        var (_, _, reply) = await NextReplyAsync(ct).ConfigureAwait(false);
        if (reply.Code != 250)
        {
            throw new SendFailure(SendStage.Data, $"the message was NOT accepted: {reply.Code} {First(reply)}");
        }

        Report.Accepted.Add(SmtpDialogState.QueueId(reply) ?? string.Empty);
    }

    private static string First(SmtpReply reply) => reply.Lines.Count > 0 ? Escape(reply.Lines[0]) : string.Empty;
}
