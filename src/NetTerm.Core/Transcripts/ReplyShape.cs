namespace NetTerm.Core.Transcripts;

/// <summary>Recognises a line shaped like a line-protocol reply: three digits, then space, hyphen or the end
/// (RFC 5321 §4.2; FTP and NNTP use the same form), and an RFC 3463 enhanced code after it whose class matches
/// the reply's first digit. Core knows no protocol, so this looks at the shape only.</summary>
internal static class ReplyShape
{
    public static bool TryParse(ReadOnlySpan<char> line, out int code, out bool last, out string? enhanced)
    {
        code = 0;
        last = false;
        enhanced = null;
        if (line.Length < 3 || line[0] is < '1' or > '5' || !char.IsAsciiDigit(line[1]) || !char.IsAsciiDigit(line[2])
            || (line.Length > 3 && line[3] is not (' ' or '-')))
            return false;
        code = ((line[0] - '0') * 100) + ((line[1] - '0') * 10) + (line[2] - '0');
        last = line.Length == 3 || line[3] == ' ';
        if (line.Length > 4)
            enhanced = Enhanced(line[4..], line[0]);
        return true;
    }

    /// <summary>"class.subject.detail" (RFC 3463 §2: class 2, 4 or 5, subject and detail of 1-3 digits).</summary>
    private static string? Enhanced(ReadOnlySpan<char> rest, char replyClass)
    {
        var end = rest.IndexOf(' ');
        var token = end < 0 ? rest : rest[..end];
        if (token.Length < 5 || token[0] != replyClass || replyClass is not ('2' or '4' or '5') || token[1] != '.')
            return null;
        var parts = token[2..];
        var dot = parts.IndexOf('.');
        return dot is >= 1 and <= 3 && IsDigits(parts[..dot]) && parts.Length - dot - 1 is >= 1 and <= 3 && IsDigits(parts[(dot + 1)..])
            ? token.ToString()
            : null;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }
}
