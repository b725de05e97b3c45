using System.Net;
using System.Net.Sockets;
using System.Text;
using NetTerm.Core.Terminal;

namespace NetTerm.Smtp.Mx;

/// <summary>Does a mail host answer? Connects to its addresses in order until one accepts, then reads the first line
/// of the greeting and closes without sending a byte (no QUIT: a probe should not look like a session).</summary>
internal static class SmtpPortProbe
{
    /// <summary>The most of a banner line shown; a greeting is one short line.</summary>
    public const int MaxBannerLength = 120;

    private const int ReadLimit = 512;

    /// <param name="timeout">For the whole probe of this host: all connect attempts and the banner.</param>
    public static async Task<PortProbeResult> ProbeAsync(
        IReadOnlyList<IPAddress> addresses, int port, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0)
            return new(false, null, "no address");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var reason = "timed out";
        IPAddress? last = null;
        foreach (var address in addresses)
        {
            last = address;
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), deadline.Token).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                reason = ex.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "refused",
                    SocketError.NetworkUnreachable => "network unreachable",
                    SocketError.HostUnreachable => "host unreachable",
                    _ => Core.Text.Messages.OneLine(ex.Message),
                };
                continue;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return new(false, address, "timed out");
            }

            return new(true, address, await ReadBannerAsync(socket, deadline.Token, ct).ConfigureAwait(false));
        }

        return new(false, last, reason);
    }

    private static async Task<string> ReadBannerAsync(Socket socket, CancellationToken deadline, CancellationToken ct)
    {
        var buffer = new byte[ReadLimit];
        var length = 0;
        try
        {
            while (length < buffer.Length)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, deadline).ConfigureAwait(false);
                if (read == 0)
                    return length == 0 ? "closed without a greeting" : Line(buffer, length);
                length += read;
                if (buffer.AsSpan(0, length).Contains((byte)'\n'))
                    break;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            if (length == 0)
                return "connected; no greeting in time";
        }
        catch (SocketException)
        {
            if (length == 0)
                return "connected; reset before a greeting";
        }

        return Line(buffer, length);
    }

    /// <summary>The first line, decoded leniently and with every control character escaped: a banner is server
    /// text headed for a terminal.</summary>
    private static string Line(byte[] buffer, int length)
    {
        var end = buffer.AsSpan(0, length).IndexOf((byte)'\n');
        var text = Encoding.UTF8.GetString(buffer, 0, end < 0 ? length : end).TrimEnd('\r');
        var safe = ControlEscaper.Escape(text);
        return safe.Length <= MaxBannerLength ? safe : string.Concat(safe.AsSpan(0, MaxBannerLength - 1), "…");
    }
}
