using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace NetTerm.Core.Transport;

/// <summary>HTTP CONNECT tunnelling (RFC 9110 §9.3.6), with optional Basic proxy authentication.</summary>
public static class HttpConnectConnector
{
    /// <summary>Largest response header accepted; a proxy that sends more is not one we want to talk to.</summary>
    public const int MaxHeaderBytes = 16 * 1024;

    /// <summary>Asks the proxy on <paramref name="proxyConnection"/> for a tunnel to host:port and returns the stream to
    /// use. The response is read byte by byte up to its blank line, so the first tunnel bytes (a server greeting that
    /// arrives in the same packet) stay in the stream. The caller still owns the stream, and disposes it when this
    /// throws.</summary>
    public static Task<Stream> ConnectAsync(
        Stream proxyConnection, string host, int port, ProxySettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proxyConnection);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var request = ConnectRequest(host, port, settings);
        return ProxyIo.RunAsync(proxyConnection, () => HandshakeAsync(proxyConnection, request, ct), ct);
    }

    internal static byte[] ConnectRequest(string host, int port, ProxySettings settings)
    {
        // ParseDestination rejects anything with spaces or line breaks, so the request line cannot be forged.
        var (address, name) = HostNames.ParseDestination(host);
        var authority = address is { AddressFamily: AddressFamily.InterNetworkV6 }
            ? $"[{name}]:{port.ToString(CultureInfo.InvariantCulture)}"
            : $"{name}:{port.ToString(CultureInfo.InvariantCulture)}";
        var text = new StringBuilder()
            .Append("CONNECT ").Append(authority).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(authority).Append("\r\n");
        if (settings.UserName is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.UserName}:{settings.Password}"));
            text.Append("Proxy-Authorization: Basic ").Append(token).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.Append("\r\n").ToString());
    }

    private static async Task<Stream> HandshakeAsync(Stream stream, byte[] request, CancellationToken ct)
    {
        await ProxyIo.WriteAsync(stream, request, "HTTP CONNECT", ct);
        Array.Clear(request);

        var header = await ReadHeaderAsync(stream, ct);
        var firstLineEnd = header.IndexOf('\n', StringComparison.Ordinal);
        var statusLine = (firstLineEnd < 0 ? header : header[..firstLineEnd]).TrimEnd('\r');
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || parts[1].Length != 3
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new ConnectException(
                ConnectFailure.Proxy, $"proxy: not an HTTP proxy (it answered \"{HostNames.Sanitize(statusLine, 60)}\")");
        }

        if (status is >= 200 and < 300)
        {
            return stream;
        }

        var reason = parts.Length > 2 ? " " + HostNames.Sanitize(parts[2].Trim(), 80) : "";
        return status == 407 && reason.Length == 0
            ? throw new ConnectException(ConnectFailure.Proxy, "proxy: HTTP 407 Proxy Authentication Required")
            : throw new ConnectException(ConnectFailure.Proxy, $"proxy: HTTP {status}{reason}");
    }

    /// <summary>Reads up to and including the blank line, one byte at a time: reading ahead would swallow tunnel bytes.
    /// The header is tiny and read once per connection, so the cost does not matter.</summary>
    private static async Task<string> ReadHeaderAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[MaxHeaderBytes];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                throw new ConnectException(
                    ConnectFailure.Proxy, $"proxy: HTTP response header larger than {MaxHeaderBytes / 1024} KiB");
            }

            await ProxyIo.ReadExactAsync(stream, buffer.AsMemory(length, 1), "HTTP CONNECT", ct);
            length++;
            if (buffer[length - 1] == '\n' && EndsHeader(buffer.AsSpan(0, length)))
            {
                return Encoding.Latin1.GetString(buffer, 0, length);
            }
        }
    }

    /// <summary>CRLF CRLF, or bare LF LF from sloppy proxies.</summary>
    private static bool EndsHeader(ReadOnlySpan<byte> data) =>
        data.EndsWith("\r\n\r\n"u8) || data.EndsWith("\n\n"u8);
}
