using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetTerm.Core.Transport;

/// <summary>SOCKS5 CONNECT (RFC 1928) with no authentication or username/password (RFC 1929). Names are sent to the
/// proxy unresolved (ATYP 3), so DNS happens where the proxy is, as with curl's socks5h.</summary>
public static class Socks5Connector
{
    private const byte Version = 5;
    private const byte NoAuth = 0;
    private const byte UserPass = 2;
    private const byte NoAcceptable = 0xFF;
    private const byte AtypIPv4 = 1;
    private const byte AtypDomain = 3;
    private const byte AtypIPv6 = 4;

    /// <summary>Asks the proxy on <paramref name="proxyConnection"/> for a tunnel to host:port and returns the stream to
    /// use (the same stream: SOCKS5 replies have an exact length, so nothing after them is ever read). The caller still
    /// owns the stream, and disposes it when this throws.</summary>
    public static Task<Stream> ConnectAsync(
        Stream proxyConnection, string host, int port, ProxySettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proxyConnection);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var request = ConnectRequest(host, port);
        return ProxyIo.RunAsync(proxyConnection, () => HandshakeAsync(proxyConnection, request, settings, ct), ct);
    }

    private static async Task<Stream> HandshakeAsync(
        Stream stream, byte[] request, ProxySettings settings, CancellationToken ct)
    {
        var hasCredentials = settings.UserName is not null;
        byte[] greeting = hasCredentials ? [Version, 2, NoAuth, UserPass] : [Version, 1, NoAuth];
        await ProxyIo.WriteAsync(stream, greeting, "the SOCKS5 greeting", ct);

        var reply = new byte[2];
        await ProxyIo.ReadExactAsync(stream, reply, "the SOCKS5 greeting", ct);
        if (reply[0] != Version)
        {
            throw Fail($"proxy: not a SOCKS5 proxy (reply version {reply[0]})");
        }

        switch (reply[1])
        {
            case NoAuth:
                break;
            case UserPass when hasCredentials:
                await AuthenticateAsync(stream, settings.UserName!, settings.Password ?? "", ct);
                break;
            case NoAcceptable when !hasCredentials:
                throw Fail("proxy: authentication required (give user@ in the proxy URI)");
            case NoAcceptable:
                throw Fail("proxy: no acceptable authentication method");
            default:
                throw Fail($"proxy: chose an authentication method we did not offer (0x{reply[1]:X2})");
        }

        await ProxyIo.WriteAsync(stream, request, "the SOCKS5 CONNECT", ct);
        var header = new byte[4];
        await ProxyIo.ReadExactAsync(stream, header, "the SOCKS5 CONNECT", ct);
        if (header[0] != Version)
        {
            throw Fail($"proxy: bad SOCKS5 reply version {header[0]}");
        }

        if (header[1] != 0)
        {
            throw ReplyFailure(header[1]);
        }

        // The bound address is of no use to a client, but it must be consumed: it precedes the tunnel's first byte.
        var rest = header[3] switch
        {
            AtypIPv4 => 4 + 2,
            AtypIPv6 => 16 + 2,
            AtypDomain => await ReadLengthAsync(stream, ct) + 2,
            _ => throw Fail($"proxy: bad SOCKS5 address type {header[3]}"),
        };
        await ProxyIo.ReadExactAsync(stream, new byte[rest], "the SOCKS5 CONNECT", ct);
        return stream;
    }

    private static async Task AuthenticateAsync(Stream stream, string user, string password, CancellationToken ct)
    {
        var userBytes = Encoding.UTF8.GetBytes(user);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        if (userBytes.Length is 0 or > 255 || passwordBytes.Length > 255)
        {
            throw new ArgumentException("SOCKS5 user name and password must be 1-255 and 0-255 bytes", nameof(user));
        }

        var message = new byte[3 + userBytes.Length + passwordBytes.Length];
        message[0] = 1;
        message[1] = (byte)userBytes.Length;
        userBytes.CopyTo(message, 2);
        message[2 + userBytes.Length] = (byte)passwordBytes.Length;
        passwordBytes.CopyTo(message, 3 + userBytes.Length);
        await ProxyIo.WriteAsync(stream, message, "SOCKS5 authentication", ct);
        Array.Clear(message);

        var reply = new byte[2];
        await ProxyIo.ReadExactAsync(stream, reply, "SOCKS5 authentication", ct);
        if (reply[1] != 0)
        {
            throw Fail("proxy: authentication failed (user name or password rejected)");
        }
    }

    private static async Task<int> ReadLengthAsync(Stream stream, CancellationToken ct)
    {
        var length = new byte[1];
        await ProxyIo.ReadExactAsync(stream, length, "the SOCKS5 CONNECT", ct);
        return length[0];
    }

    internal static byte[] ConnectRequest(string host, int port)
    {
        var (address, name) = HostNames.ParseDestination(host);
        byte[] target = address switch
        {
            { AddressFamily: AddressFamily.InterNetwork } => [AtypIPv4, .. address.GetAddressBytes()],
            { AddressFamily: AddressFamily.InterNetworkV6 } => [AtypIPv6, .. address.GetAddressBytes()],
            _ => [AtypDomain, (byte)name.Length, .. Encoding.ASCII.GetBytes(name)],
        };
        var portBytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(portBytes, (ushort)port);
        return [Version, 1, 0, .. target, .. portBytes];
    }

    internal static ConnectException ReplyFailure(byte code) => code switch
    {
        1 => new ConnectException(ConnectFailure.Proxy, "proxy: general SOCKS server failure"),
        2 => new ConnectException(ConnectFailure.Proxy, "proxy: connection not allowed by ruleset"),
        3 => new ConnectException(ConnectFailure.NetworkUnreachable, "proxy: network unreachable"),
        4 => new ConnectException(ConnectFailure.HostUnreachable, "proxy: host unreachable"),
        5 => new ConnectException(ConnectFailure.Refused, "proxy: connection refused by destination"),
        6 => new ConnectException(ConnectFailure.TimedOut, "proxy: TTL expired (destination timed out)"),
        7 => new ConnectException(ConnectFailure.Proxy, "proxy: command not supported"),
        8 => new ConnectException(ConnectFailure.Proxy, "proxy: address type not supported"),
        _ => new ConnectException(ConnectFailure.Proxy, $"proxy: unknown SOCKS5 reply 0x{code:X2}"),
    };

    private static ConnectException Fail(string message) => new(ConnectFailure.Proxy, message);
}
