using System.Net;
using System.Net.Sockets;
using NetTerm.Core.Transport;

namespace NetTerm.Core.Sessions;

public sealed partial class Session
{
    private async Task ConnectAsync(CancellationToken ct)
    {
        var o = Options;
        var viaProxy = o.Proxy is not null;
        var (dialHost, dialPort) = viaProxy ? (o.Proxy!.Host, o.Proxy.Port) : (o.Host, o.Port);
        var socket = await TcpConnector.ConnectAsync(
            dialHost,
            dialPort,
            o.Family,
            o.ConnectTimeout,
            ep => _events.Writer.TryWrite(new ConnectingEvent(dialHost, dialPort, ep)),
            o.Resolve,
            ct).ConfigureAwait(false);
        _socket = socket;
        RemoteEndPoint = socket.RemoteEndPoint;
        LocalEndPoint = socket.LocalEndPoint;
        if (o.KeepAlive)
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        }

        Stream stream = new NetworkStream(socket, ownsSocket: true);
        if (viaProxy)
        {
            using var proxyDeadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            proxyDeadline.CancelAfter(o.ConnectTimeout);
            try
            {
                stream = await ProxyConnector.ConnectAsync(stream, o.Host, o.Port, o.Proxy!, proxyDeadline.Token)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new ConnectException(ConnectFailure.TimedOut,
                    $"proxy {o.Proxy!.Host}:{o.Proxy.Port}: timed out after {TcpConnector.FormatSeconds(o.ConnectTimeout)}");
            }
        }

        Touch();
        ConnectedAt = DateTimeOffset.Now;
        await PublishAsync(new ConnectedEvent(o.Host, o.Port, socket.RemoteEndPoint, socket.LocalEndPoint, Mode))
            .ConfigureAwait(false);

        if (o.Tls is not null)
        {
            await HandshakeAsync(stream, o.Tls, upgrade: false, ct).ConfigureAwait(false);
            stream = _stream!;
        }

        _stream = stream;
        if (Mode == SessionMode.Telnet)
        {
            await StartTelnetAsync(announce: true, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the handshake and switches <see cref="_stream"/> to TLS before anyone hears of it: a consumer
    /// reacting to the event (a profile sending EHLO) must already write into the TLS stream.</summary>
    private async Task HandshakeAsync(Stream inner, TlsOptions tls, bool upgrade, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Options.ConnectTimeout);
        TlsConnection connection;
        try
        {
            connection = await TlsConnector.AuthenticateAsync(inner, tls, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ConnectException(ConnectFailure.Tls,
                $"TLS: handshake timed out after {TcpConnector.FormatSeconds(Options.ConnectTimeout)}");
        }

        _stream = connection.Stream;
        Certificate = connection.Certificate;
        await PublishAsync(new TlsEstablishedEvent(connection.Certificate, upgrade)).ConfigureAwait(false);
    }

    /// <summary>Kept from the connect: the socket's own properties throw once it is disposed, and a front end
    /// may still ask (Tab completion of an EHLO address literal after the connection dropped).</summary>
    public EndPoint? RemoteEndPoint { get; private set; }

    public EndPoint? LocalEndPoint { get; private set; }
}
