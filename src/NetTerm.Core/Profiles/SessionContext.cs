using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;

namespace NetTerm.Core.Profiles;

/// <summary>Binds a profile to a session: the profile frames the inbound stream and reaches the wire only through
/// this context.</summary>
public sealed class SessionContext : ISessionContext
{
    private readonly Session _session;

    private SessionContext(Session session, bool interactive)
    {
        _session = session;
        Interactive = interactive;
    }

    /// <summary>Attaches <paramref name="profile"/> to <paramref name="session"/> before it runs.</summary>
    public static IProfileSession Attach(IProfile profile, Session session, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(session);
        var profileSession = profile.Attach(new SessionContext(session, interactive));
        session.InboundObserver = profileSession;
        return profileSession;
    }

    public SessionOptions Options => _session.Options;

    public bool IsTls => _session.IsTls;

    public SessionMode Mode => _session.Mode;

    public System.Net.EndPoint? LocalEndPoint => _session.LocalEndPoint;

    public CertificateSummary? Certificate => _session.Certificate;

    public bool Interactive { get; }

    public Task SendLineAsync(string line, string? shownAs, CancellationToken ct) => _session.SendLineAsync(line, shownAs, ct);

    public Task UpgradeToTlsAsync(CancellationToken ct) =>
        _session.UpgradeToTlsAsync(_session.Options.UpgradeTls ?? _session.Options.Tls ?? new TlsOptions(_session.Options.Host), ct);

    public void ResumeReading() => _session.ResumeReading();

    public Task CloseAsync(string reason, ConnectFailure? failure) => _session.CloseAsync(reason, failure);

    public void MarkInbound(int consumed) => _session.MarkInbound(consumed);

    public void Post(SessionEvent e) => _session.Post(e);
}
