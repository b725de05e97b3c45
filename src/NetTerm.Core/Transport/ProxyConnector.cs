namespace NetTerm.Core.Transport;

/// <summary>Dispatches to the connector for <see cref="ProxySettings.Kind"/>.</summary>
public static class ProxyConnector
{
    /// <summary>Opens a tunnel to host:port through the proxy already connected on <paramref name="proxyConnection"/>.
    /// The TCP connection to the proxy is the caller's (TcpConnector), as is disposing it when this throws.</summary>
    public static Task<Stream> ConnectAsync(
        Stream proxyConnection, string host, int port, ProxySettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Kind switch
        {
            ProxyKind.Socks5 => Socks5Connector.ConnectAsync(proxyConnection, host, port, settings, ct),
            ProxyKind.HttpConnect => HttpConnectConnector.ConnectAsync(proxyConnection, host, port, settings, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "unknown proxy kind"),
        };
    }
}
