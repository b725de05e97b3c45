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
    IReadOnlyList<PanelRow>? Welcome = null);
