using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;

namespace NetTerm.Core.Profiles;

/// <summary>What a profile may ask of the session it is attached to. Profiles never touch the socket.</summary>
public interface ISessionContext
{
    SessionOptions Options { get; }

    bool IsTls { get; }

    /// <summary>The mode in force (auto mode settles on raw or telnet once the server has spoken).</summary>
    SessionMode Mode { get; }

    /// <summary>Our end of the connection (for an EHLO address literal); null before connecting.</summary>
    System.Net.EndPoint? LocalEndPoint { get; }

    CertificateSummary? Certificate { get; }

    /// <summary>False in headless mode: nobody can answer a confirmation or fill a form, so the profile must refuse
    /// (with a one-line reason) what it would otherwise ask about.</summary>
    bool Interactive { get; }

    /// <summary>Sends a line on the wire as it is (the profile has already reviewed and paced it).
    /// <paramref name="shownAs"/> is what every event, screen and log shows instead, for credentials.</summary>
    Task SendLineAsync(string line, string? shownAs, CancellationToken ct);

    /// <summary>Upgrades the connection to TLS in place; the read loop must have been paused by the profile's
    /// <see cref="IInboundObserver"/> at the reply boundary. Refuses on any unconsumed byte (RFC 3207 §4.2).</summary>
    Task UpgradeToTlsAsync(CancellationToken ct);

    /// <summary>Resumes a read loop the profile paused but decided not to upgrade.</summary>
    void ResumeReading();

    /// <summary>Closes the connection for a protocol reason (a reply deadline passed, the server said 421 and kept
    /// the socket open). <paramref name="failure"/> is what the close counts as (exit codes), null for none.</summary>
    Task CloseAsync(string reason, ConnectFailure? failure);

    /// <summary>Inside <see cref="IInboundObserver.OnInbound"/>: events posted from now on are published right after
    /// the first <paramref name="consumed"/> bytes of the chunk, not after the whole chunk.</summary>
    void MarkInbound(int consumed);

    /// <summary>Adds an event to the session's stream. Posted from the read loop, it is delivered after the data that
    /// was being processed, so an annotation follows the reply it explains.</summary>
    void Post(SessionEvent e);
}
