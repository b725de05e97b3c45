namespace NetTerm.Smtp.Tests.Replay;

/// <summary>The kinds of line in a replay transcript.</summary>
internal enum TranscriptStepKind
{
    /// <summary>"S:" or "S=": bytes the server sends.</summary>
    Server,

    /// <summary>"C:": a line the client is expected to send.</summary>
    Client,

    /// <summary>"! tls": a TLS handshake starts; the byte stream changes.</summary>
    Tls,

    /// <summary>"! close": the server closes the connection.</summary>
    Close,

    /// <summary>"! expect": the next reply the parser must yield.</summary>
    Expect,
}
