using NetTerm.Core.Sessions;

namespace NetTerm.Smtp.Send;

/// <summary>Everything `netterm smtp send` was asked to do. <see cref="Session"/> carries the connection (host, port,
/// implicit TLS, --ca/--insecure for STARTTLS, proxy, timeouts).</summary>
public sealed record SendOptions(SessionOptions Session, string Helo, string From, IReadOnlyList<string> Recipients)
{
    public StartTlsPolicy StartTls { get; init; } = StartTlsPolicy.Auto;

    /// <summary>The message as it goes after DATA: CRLF line ends, not dot-stuffed.</summary>
    public ReadOnlyMemory<byte> Message { get; init; }

    /// <summary>PLAIN, LOGIN, CRAM-MD5 or XOAUTH2; null for no AUTH.</summary>
    public string? AuthMechanism { get; init; }

    public string? User { get; init; }

    /// <summary>The password or token: held only here, never printed, never in the report.</summary>
    public string? Password { get; init; }

    public bool AllowPlaintextAuth { get; init; }

    /// <summary>Send MAIL, RCPT and DATA (and, with <see cref="Count"/>, the previous body and ".") as one group when
    /// the server offers PIPELINING (RFC 2920).</summary>
    public bool Pipelining { get; init; }

    public int Count { get; init; } = 1;

    /// <summary>Stop (with QUIT) after this stage succeeded; null runs the whole transaction.</summary>
    public SendStage? QuitAfter { get; init; }

    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Keep every step in <see cref="SendReport.Steps"/> (--json); without it only failures are kept, so a
    /// batch's memory does not grow with its count.</summary>
    public bool RecordSteps { get; init; } = true;

    /// <summary>Print the message lines instead of "[N lines, M bytes]".</summary>
    public bool ShowData { get; init; }
}
