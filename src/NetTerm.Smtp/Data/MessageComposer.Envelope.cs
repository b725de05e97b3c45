using MimeKit;

namespace NetTerm.Smtp.Data;

internal sealed partial class MessageComposer
{
    /// <summary>
    /// A short note when the envelope (MAIL FROM / RCPT TO) and the headers (From / To) disagree, or null when they
    /// name the same addresses. Comparison is by address (display names ignored, case-insensitive); envelope
    /// addresses may be written with or without angle brackets.
    /// </summary>
    public static string? EnvelopeMismatch(
        string envelopeFrom,
        IReadOnlyCollection<string> envelopeRecipients,
        string headerFrom,
        IReadOnlyCollection<string> headerTo)
    {
        ArgumentNullException.ThrowIfNull(envelopeFrom);
        ArgumentNullException.ThrowIfNull(envelopeRecipients);
        ArgumentNullException.ThrowIfNull(headerFrom);
        ArgumentNullException.ThrowIfNull(headerTo);

        var notes = new List<string>(3);
        var sender = EnvelopeAddress(envelopeFrom);
        var from = HeaderAddresses(headerFrom);
        if (!(from.Count == 1 && string.Equals(from[0], sender, StringComparison.OrdinalIgnoreCase)))
        {
            var shown = from.Count == 0 ? headerFrom.Trim() : string.Join(", ", from);
            notes.Add($"Header From <{shown}> differs from MAIL FROM <{sender}>: recipients see the header From, "
                + "not the envelope sender (this is how From spoofing works; SPF checks the envelope, DMARC the header).");
        }

        var envelope = new HashSet<string>(envelopeRecipients.Select(EnvelopeAddress), StringComparer.OrdinalIgnoreCase);
        var header = new HashSet<string>(headerTo.SelectMany(HeaderAddresses), StringComparer.OrdinalIgnoreCase);
        var hidden = envelope.Where(a => !header.Contains(a)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var unsent = header.Where(a => !envelope.Contains(a)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (hidden.Count > 0)
            notes.Add($"RCPT TO {string.Join(", ", hidden)} not in header To: delivered, but unseen by the other recipients (like Bcc).");
        if (unsent.Count > 0)
            notes.Add($"Header To {string.Join(", ", unsent)} not in RCPT TO: shown to recipients, but not delivered there.");
        return notes.Count == 0 ? null : string.Join(' ', notes);
    }

    /// <summary>"&lt;a@x&gt;", "a@x" or "&lt;&gt;" (the null reverse-path) → the bare address ("" for null).</summary>
    private static string EnvelopeAddress(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && trimmed[0] == '<' && trimmed[^1] == '>')
            trimmed = trimmed[1..^1].Trim();
        return trimmed;
    }

    /// <summary>The addr-specs in a header field value; when it does not parse, the trimmed text itself, so a
    /// malformed header still compares (and shows) as typed.</summary>
    private static List<string> HeaderAddresses(string text)
    {
        if (InternetAddressList.TryParse(text, out var list) && list.Count > 0)
            return list.Mailboxes.Select(m => m.Address).ToList();
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? [] : [trimmed];
    }
}
