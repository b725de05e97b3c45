using NetTerm.Core.Sessions;

namespace NetTerm.Core.Transcripts;

/// <summary>The wording of transcript info and error lines for session events that are not data.</summary>
internal static class TranscriptEventText
{
    /// <summary>The note for <paramref name="sessionEvent"/>, or null when it is data (or unknown to this version).</summary>
    public static (string Tag, string Text)? Describe(SessionEvent sessionEvent) => sessionEvent switch
    {
        ConnectingEvent e => (TranscriptTags.Info, $"Trying {e.Host}:{e.Port}{(e.Address is null ? "" : $" ({e.Address})")}..."),
        ConnectedEvent e => (TranscriptTags.Info,
            $"Connected to {e.Host}:{e.Port}{(e.Remote is null ? "" : $" ({e.Remote})")}"
            + $"{(e.Local is null ? "" : $" from {e.Local}")}, mode {e.Mode}"),
        ModeDetectedEvent e => (TranscriptTags.Info, $"Mode {e.Mode}: {e.Reason}"),
        NegotiationChangedEvent e => (TranscriptTags.Info,
            $"Telnet {e.Option} {(e.Enabled ? "enabled" : "disabled")} on the {(e.Local ? "client" : "server")} side;"
            + $" {(e.CharacterMode ? "character" : "line")} mode"),
        TelnetCommandReceivedEvent e => (TranscriptTags.Info, $"Telnet command from the server: {e.Command}"),
        TlsEstablishedEvent e => (TranscriptTags.Info, DescribeTls(e)),
        WarningEvent e => (TranscriptTags.Error, e.Message),
        InfoEvent e => (TranscriptTags.Info, e.Message),
        ClosedEvent { Failure: null } e => (TranscriptTags.Info, $"Connection closed by {(e.ByPeer ? "the peer" : "us")}: {e.Reason}"),
        ClosedEvent e => (TranscriptTags.Error, $"Connection failed ({e.Failure}): {e.Reason}"),
        _ => null,
    };

    /// <summary>The loud line for a certificate accepted only because of --insecure; null when verified.</summary>
    public static string? DescribeInsecure(TlsEstablishedEvent e) =>
        e.Certificate.Insecure
            ? $"TLS UNVERIFIED (--insecure): {e.Certificate.VerificationError ?? "the certificate was not verified"}"
            : null;

    private static string DescribeTls(TlsEstablishedEvent e)
    {
        var c = e.Certificate;
        var verdict = c.Verified ? $"verified for {c.VerifiedName}" : $"NOT verified for {c.VerifiedName}";
        return $"TLS {(e.Upgrade ? "upgrade" : "session")} established: {c.Protocol}, {c.CipherSuite}; "
            + $"certificate {c.Subject} issued by {c.Issuer}, SHA-256 {c.Sha256Fingerprint}, {verdict}";
    }
}
