namespace NetTerm.Core.Transport;

/// <summary>The tunnelling protocol spoken to a proxy.</summary>
public enum ProxyKind
{
    /// <summary>SOCKS5 (RFC 1928), names resolved by the proxy.</summary>
    Socks5,

    /// <summary>HTTP CONNECT (RFC 9110 §9.3.6).</summary>
    HttpConnect,
}
