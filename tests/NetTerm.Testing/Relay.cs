using System.Net;
using System.Net.Sockets;

namespace NetTerm.Testing;

/// <summary>What the test proxies share: refusing to leave loopback, and relaying bytes both ways.</summary>
internal static class Relay
{
    /// <summary>Connects to a destination only if it is loopback ("localhost" means 127.0.0.1), so a test proxy can never
    /// reach the network even when a test gets a name wrong. Null when refused.</summary>
    public static async Task<TcpClient?> ConnectLoopbackAsync(string host, int port, CancellationToken ct)
    {
        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var a) ? a : null;
        if (address is null || !IPAddress.IsLoopback(address))
        {
            return null;
        }

        var client = new TcpClient(address.AddressFamily) { NoDelay = true };
        try
        {
            await client.ConnectAsync(address, port, ct);
            return client;
        }
        catch (SocketException)
        {
            client.Dispose();
            return null;
        }
    }

    /// <summary>Copies both ways, passing a half-close on as real proxies do, until both directions are done.</summary>
    public static async Task RunAsync(Stream client, Stream target, CancellationToken ct)
    {
        var up = CopyThenShutdownAsync(client, target, ct);
        var down = CopyThenShutdownAsync(target, client, ct);
        await Task.WhenAll(up, down);
    }

    private static async Task CopyThenShutdownAsync(Stream from, Stream to, CancellationToken ct)
    {
        try
        {
            await from.CopyToAsync(to, ct);
            if (to is NetworkStream network)
            {
                network.Socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // One side went away; the other copy ends on its own.
        }
    }
}
