using System.Net;
using System.Net.Sockets;

namespace NetTerm.Testing;

/// <summary>A loopback port with nothing listening on it (bound then released).</summary>
public static class FreePort
{
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
