namespace NetTerm.Core.Transport;

/// <summary>Why a connection could not be made or was lost; each maps to a documented exit code.</summary>
public enum ConnectFailure
{
    NoSuchHost,
    Refused,
    TimedOut,
    NetworkUnreachable,
    HostUnreachable,
    Proxy,
    Tls,
    StartTlsInjection,
    Protocol,
    ConnectionLost,
    Other,
}
