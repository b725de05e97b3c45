namespace NetTerm.Smtp.Replies;

/// <summary>One complete SMTP reply (RFC 5321 §4.2), as read off the wire.</summary>
/// <param name="Code">The three-digit code, or 0 when the line was not numeric.</param>
/// <param name="Lines">The text of each kept line after the code and separator (CRLF removed, lone CRs kept).</param>
/// <param name="Enhanced">The RFC 3463 code at the start of the first line, whether or not the server advertised
/// ENHANCEDSTATUSCODES (RFC 2034: it is there whenever the text starts with a valid code).</param>
/// <param name="Flags">Quirks and violations.</param>
/// <param name="ByteCount">The exact number of raw bytes this reply occupied on the wire, final LF included.</param>
/// <param name="LineCount">How many lines the server sent; more than <see cref="Lines"/> holds when
/// <see cref="SmtpReplyFlags.TooManyLines"/> is set.</param>
internal sealed record SmtpReply(
    int Code,
    IReadOnlyList<string> Lines,
    EnhancedStatusCode? Enhanced,
    SmtpReplyFlags Flags,
    long ByteCount,
    int LineCount)
{
    private const SmtpReplyFlags ViolationFlags =
        SmtpReplyFlags.NonNumeric | SmtpReplyFlags.MismatchedCodes | SmtpReplyFlags.BadSeparator;

    /// <summary>The first digit when it is 2, 3, 4 or 5; otherwise 0.</summary>
    public int ReplyClass => Code is >= 200 and <= 599 ? Code / 100 : 0;

    /// <summary>The server broke the reply grammar; such a reply never counts as success, whatever its code.</summary>
    public bool IsViolation => (Flags & ViolationFlags) != 0;

    /// <summary>A well-formed 2yz (completion) or 3yz (intermediate, e.g. 354 or 334) reply.</summary>
    public bool IsPositive => !IsViolation && ReplyClass is 2 or 3;

    /// <summary>All kept lines joined with LF, for display.</summary>
    public string Text => string.Join('\n', Lines);
}
