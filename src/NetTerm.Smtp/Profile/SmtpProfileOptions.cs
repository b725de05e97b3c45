using NetTerm.Core.Profiles;

namespace NetTerm.Smtp.Profile;

/// <summary>Settings of the SMTP profile.</summary>
/// <param name="AllowPlaintextAuth">Headless only: send AUTH on an unencrypted session (--allow-plaintext-auth).
/// Interactive sessions ask instead.</param>
/// <param name="EhloAfterTls">Send EHLO by itself once STARTTLS completes (otherwise it is offered).</param>
/// <param name="EhloName">The name used when NetTerm sends EHLO by itself; null uses this machine's name.</param>
/// <param name="Welcome">Rows of a "Welcome" panel section shown first (the sandbox's walk-through); null for none.</param>
public sealed record SmtpProfileOptions(
    bool AllowPlaintextAuth = false,
    bool EhloAfterTls = true,
    string? EhloName = null,
    IReadOnlyList<PanelRow>? Welcome = null)
{
    /// <summary>The most a reply may take, from its command (or the connection, for the greeting) to its last line;
    /// a server that stalls or drips bytes is cut off then (--reply-timeout).</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a reply may be outstanding before the front end is told NetTerm is waiting.</summary>
    public TimeSpan WaitingAfter { get; init; } = TimeSpan.FromSeconds(2);
}
