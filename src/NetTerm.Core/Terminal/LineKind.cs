namespace NetTerm.Core.Terminal;

/// <summary>Where a scrollback line came from; the view picks the line's default colours and prefix from it.</summary>
public enum LineKind : byte
{
    /// <summary>Text from the peer, already neutralised by <see cref="TerminalTextProcessor"/>.</summary>
    Received,

    /// <summary>A line the user sent.</summary>
    Sent,

    /// <summary>NetTerm's own notes (connected, TLS established, …).</summary>
    System,

    /// <summary>A failure that ended or broke something.</summary>
    Error,

    /// <summary>Something the user should know that does not end the session.</summary>
    Warning,

    /// <summary>A profile's explanation of a reply (SMTP annotates reply codes).</summary>
    Annotation,

    /// <summary>A sent line whose text is not shown (a password). The caller stores a placeholder, never the secret.</summary>
    Hidden,
}
