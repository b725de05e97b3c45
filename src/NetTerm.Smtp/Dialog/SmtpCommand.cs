namespace NetTerm.Smtp.Dialog;

/// <summary>A line the user typed, split into verb and argument. The verb is upper-cased; the argument is kept as
/// typed. Lines in DATA mode and SASL responses are not commands.</summary>
internal readonly record struct SmtpCommand(string Verb, string Argument)
{
    public static SmtpCommand Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.TrimStart();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var verb = space < 0 ? trimmed : trimmed[..space];
        var argument = space < 0 ? string.Empty : trimmed[(space + 1)..];
        // "MAIL FROM:<a>" and "RCPT TO:<b>" are one verb each for state and completion.
        var upper = verb.ToUpperInvariant();
        if (upper is "MAIL" or "RCPT")
        {
            var colon = argument.IndexOf(':', StringComparison.Ordinal);
            var keyword = (colon < 0 ? argument : argument[..colon]).Trim().ToUpperInvariant();
            if (keyword is "FROM" or "TO")
            {
                return new SmtpCommand($"{upper} {keyword}:", colon < 0 ? string.Empty : argument[(colon + 1)..]);
            }
        }

        return new SmtpCommand(upper, argument);
    }

    /// <summary>The address between angle brackets, if any ("&lt;a@b&gt; SIZE=10" → "a@b").</summary>
    public string? Address
    {
        get
        {
            var open = Argument.IndexOf('<', StringComparison.Ordinal);
            var close = open < 0 ? -1 : Argument.IndexOf('>', open + 1);
            return open < 0 || close < 0 ? null : Argument[(open + 1)..close];
        }
    }
}
