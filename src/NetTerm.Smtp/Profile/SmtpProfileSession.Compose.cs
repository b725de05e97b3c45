using System.Text;
using MimeKit;
using NetTerm.Core.Profiles;
using NetTerm.Smtp.Capabilities;
using NetTerm.Smtp.Data;
using NetTerm.Smtp.Dialog;

namespace NetTerm.Smtp.Profile;

internal sealed partial class SmtpProfileSession
{
    private readonly MessageComposer _composer = new();

    /// <summary>Compose… makes sense once a recipient was accepted (DATA follows) or inside DATA (the body).</summary>
    private bool CanCompose => _state.Phase is SmtpPhase.Recipients or SmtpPhase.Data;

    /// <summary>The Compose form, prefilled from the envelope. Called under the lock; the form keeps a snapshot of
    /// the envelope and the capabilities, since the user may take a while to type.</summary>
    private SubmitReview ComposeForm()
    {
        var envelopeFrom = _state.Sender ?? string.Empty;
        string[] recipients = [.. _state.Recipients];
        var size = _state.Capabilities?.Size;
        var eightBitMime = _state.Capabilities?.EightBitMime ?? false;
        var fields = new FormField[]
        {
            new("from", "From", FormFieldKind.Text, envelopeFrom) { Required = true },
            new("to", "To", FormFieldKind.Text, string.Join(", ", recipients)) { Required = true },
            new("cc", "Cc"),
            new("subject", "Subject"),
            new("body", "Body", FormFieldKind.MultiLine),
        };
        return new SubmitReview.OpenForm(new FormRequest("Compose", fields, (values, _) => SendComposed(values, eightBitMime), "_Send")
        {
            Describe = values => DescribeComposed(values, envelopeFrom, recipients, size, eightBitMime),
        });
    }

    private static ComposeRequest Request(IReadOnlyDictionary<string, string> values, bool eightBitMime)
    {
        var cc = values.GetValueOrDefault("cc") ?? string.Empty;
        return new ComposeRequest(
            values.GetValueOrDefault("from") ?? string.Empty,
            [values.GetValueOrDefault("to") ?? string.Empty],
            string.IsNullOrWhiteSpace(cc) ? [] : [cc],
            values.GetValueOrDefault("subject") ?? string.Empty,
            values.GetValueOrDefault("body") ?? string.Empty,
            [],
            eightBitMime);
    }

    /// <summary>The live feedback: size against SIZE, 8-bit content without 8BITMIME, envelope vs header.</summary>
    private string? DescribeComposed(
        IReadOnlyDictionary<string, string> values, string envelopeFrom, string[] recipients, long? size, bool eightBitMime)
    {
        ComposedMessage message;
        try
        {
            message = _composer.Compose(Request(values, eightBitMime));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or ParseException)
        {
            return "Not ready: " + ex.Message;
        }

        var notes = new List<string>(4)
        {
            size is { } limit
                ? $"{ByteSizeText.Format(message.OctetCount)} of {ByteSizeText.Format(limit)} allowed (SIZE)"
                  + (message.OctetCount > limit ? ": TOO LARGE, the server will refuse it" : string.Empty)
                : $"{ByteSizeText.Format(message.OctetCount)} (the server declared no SIZE limit)",
        };
        if (message.Is8Bit && !eightBitMime)
        {
            notes.Add("WARNING: 8-bit content but the server did not advertise 8BITMIME (RFC 6152)");
        }
        else if (message.BodyEncoding == ContentEncoding.QuotedPrintable)
        {
            notes.Add("body sent as quoted-printable (non-ASCII without 8BITMIME, or a line over 998 octets)");
        }

        var header = values.GetValueOrDefault("to") ?? string.Empty;
        var cc = values.GetValueOrDefault("cc") ?? string.Empty;
        if (recipients.Length > 0
            && MessageComposer.EnvelopeMismatch(envelopeFrom, recipients, values.GetValueOrDefault("from") ?? string.Empty,
                string.IsNullOrWhiteSpace(cc) ? [header] : [header, cc]) is { } mismatch)
        {
            notes.Add("Note: " + mismatch);
        }

        return string.Join('\n', notes);
    }

    /// <summary>Queues DATA (unless already in DATA), every line of the message, and the final ".", atomically
    /// under the lock so that a refused DATA discards exactly this message. Lines are sent unstuffed here: the pump
    /// stuffs each one in DATA phase.</summary>
    private Task SendComposed(IReadOnlyDictionary<string, string> values, bool eightBitMime)
    {
        var message = _composer.Compose(Request(values, eightBitMime));
        var text = Encoding.UTF8.GetString(message.Bytes.Span);
        var lines = text.Split("\r\n");
        var count = text.EndsWith("\r\n", StringComparison.Ordinal) ? lines.Length - 1 : lines.Length;
        var sent = new List<Task>(count + 2);
        lock (_lock)
        {
            if (_state.Phase != SmtpPhase.Data && !Pending("DATA"))
            {
                sent.Add(Enqueue("DATA", null));
            }

            for (var i = 0; i < count; i++)
            {
                sent.Add(Enqueue(lines[i], null, content: true));
            }

            sent.Add(Enqueue(".", null));
        }

        _context.Post(new AnnotationEvent(
            $"composed message: {ByteSizeText.Format(message.OctetCount)}, Message-ID <{message.MessageId}>, body {EncodingName(message.BodyEncoding)}",
            Severity.Normal));
        // Completes when the last line has gone out (after 354); a closed session fails it with the reason.
        return Task.WhenAll(sent);
    }

    private static string EncodingName(ContentEncoding encoding) => encoding switch
    {
        ContentEncoding.SevenBit => "7bit",
        ContentEncoding.EightBit => "8bit",
        ContentEncoding.QuotedPrintable => "quoted-printable",
        _ => encoding.ToString(),
    };
}
