namespace NetTerm.Smtp.Send;

/// <summary>The result of `netterm smtp send`: every step, the TLS details, the messages accepted, and how it ended.
/// <see cref="ExitCode"/> is set by the CLI, which owns the numbering.</summary>
public sealed record SendReport
{
    public required string Server { get; init; }

    public required int Port { get; init; }

    public List<SendStep> Steps { get; } = [];

    public SendTls? Tls { get; set; }

    /// <summary>Queue ids (or "" when the reply named none) of the messages the server accepted.</summary>
    public List<string> Accepted { get; } = [];

    public bool Success { get; set; }

    /// <summary>Where it failed, or null when it did not.</summary>
    public string? FailedStage { get; set; }

    /// <summary>Why, in one line.</summary>
    public string? Error { get; set; }

    /// <summary>The failure's kind when it was the connection (dns, connect, timeout, tls, protocol, lost, proxy).</summary>
    public string? ConnectionFailure { get; set; }

    public double ElapsedMs { get; set; }

    public int ExitCode { get; set; }
}
