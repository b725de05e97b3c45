using NetTerm.Core.Profiles;

namespace NetTerm.Smtp.Sandbox;

/// <summary>The welcome panel of `netterm smtp --sandbox`: the classic session, one row per step, with the values
/// that work against this sandbox.</summary>
internal static class SandboxWelcome
{
    public static IReadOnlyList<PanelRow> Rows(SandboxInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return
        [
            new("1", "EHLO me.example", "Say hello; the reply lists the server's extensions (PIPELINING, SIZE, STARTTLS…)"),
            new("2", "STARTTLS", $"Encrypt. The sandbox's certificate is self-signed and trusted for this session: SHA-256 {info.CertificateSha256}. Say EHLO again afterwards."),
            new("3", "AUTH PLAIN", $"Log in (offered after STARTTLS): user {info.User}, password {info.Password}. The AUTH menu entry computes the response."),
            new("4", $"MAIL FROM:<you@{SandboxOptions.LocalDomain}>", "Start a message: the envelope sender"),
            new("5", $"RCPT TO:<friend@{SandboxOptions.LocalDomain}>", $"A recipient. Other domains are relaying: 550 {RelayPolicyFilter.RelayDenied} until you have authenticated"),
            new("6", "DATA", "Then type headers (Subject: hi), an empty line and the body"),
            new("7", ".", $"A line with only a dot ends the message; it is stored as .eml in {info.StoreDirectory}"),
            new("8", "QUIT", "Say goodbye"),
        ];
    }
}
