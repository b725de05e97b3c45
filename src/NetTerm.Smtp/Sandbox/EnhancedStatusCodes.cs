namespace NetTerm.Smtp.Sandbox;

/// <summary>The RFC 3463 code the sandbox adds to a SmtpServer reply that has none, chosen by reply code and the
/// command being answered (the values Postfix uses).</summary>
internal static class EnhancedStatusCodes
{
    /// <summary>Null when the reply must stay as it is: the greeting and the EHLO/HELO reply (RFC 2034 §3 exempts
    /// them), 334 (its text is a base64 challenge) and 354.</summary>
    public static string? For(int code, string? command) => code switch
    {
        220 => command == "STARTTLS" ? "2.0.0" : null,
        250 when command is "EHLO" or "HELO" => null,
        250 when command == "MAIL" => "2.1.0",
        250 when command == "RCPT" => "2.1.5",
        334 or 354 => null,
        235 => "2.7.0",
        500 or 501 => "5.5.2",
        502 or 503 => "5.5.1",
        504 => "5.5.4",
        530 => "5.7.0",
        535 => "5.7.8",
        550 when command == "MAIL" => "5.1.0",
        550 when command == "RCPT" => "5.1.1",
        552 => "5.3.4",
        554 when command == "DATA" => "5.5.1",
        >= 200 and < 600 => $"{code / 100}.0.0",
        _ => null,
    };

    /// <summary>True when <paramref name="text"/> already starts with "class.subject.detail" and a space.</summary>
    public static bool HasCode(ReadOnlySpan<char> text)
    {
        var space = text.IndexOf(' ');
        var code = space < 0 ? text : text[..space];
        if (code.Length < 5 || code[0] is not ('2' or '4' or '5') || code[1] != '.')
        {
            return false;
        }

        var dots = 0;
        foreach (var c in code[2..])
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return dots == 1 && code[^1] != '.' && code[2] != '.';
    }
}
