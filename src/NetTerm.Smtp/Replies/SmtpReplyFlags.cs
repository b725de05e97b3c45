namespace NetTerm.Smtp.Replies;

/// <summary>What was odd about a reply. Only <see cref="SmtpReply.IsViolation"/> flags make it a protocol violation;
/// the others are tolerated and shown so the person testing the server can see its quirks.</summary>
[Flags]
internal enum SmtpReplyFlags
{
    None = 0,

    /// <summary>At least one line ended in LF without CR (RFC 5321 §2.3.8 requires CRLF).</summary>
    BareLf = 1 << 0,

    /// <summary>At least one line was longer than <see cref="SmtpReplyParser.MaxLineLength"/> bytes.</summary>
    LineTooLong = 1 << 1,

    /// <summary>Text was cut because the reply held more than <see cref="SmtpReplyParser.MaxReplyBytes"/> bytes.</summary>
    Truncated = 1 << 2,

    /// <summary>The reply had more than <see cref="SmtpReplyParser.MaxLines"/> lines; the extra lines were consumed
    /// but not kept.</summary>
    TooManyLines = 1 << 3,

    /// <summary>The lines of a multi-line reply had different codes, or a non-numeric line cut it short.</summary>
    MismatchedCodes = 1 << 4,

    /// <summary>The line did not start with three digits.</summary>
    NonNumeric = 1 << 5,

    /// <summary>The three digits were followed by something other than '-', ' ' or the end of the line.</summary>
    BadSeparator = 1 << 6,
}
