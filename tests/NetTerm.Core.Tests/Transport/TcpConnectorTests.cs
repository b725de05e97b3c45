using System.Net;
using System.Net.Sockets;
using NetTerm.Core.Transport;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Transport;

public sealed class TcpConnectorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ConnectAsync_ClosedPort_ReportsConnectionRefused()
    {
        var port = FreePort.Get();

        var ex = await Assert.ThrowsAsync<ConnectException>(() =>
            TcpConnector.ConnectAsync("127.0.0.1", port, AddressFamilyPreference.Any, Timeout, null, CancellationToken.None));

        Assert.Equal(ConnectFailure.Refused, ex.Failure);
        Assert.Equal($"127.0.0.1:{port}: connection refused", ex.Message);
    }

    [Fact]
    public async Task ConnectAsync_UnknownName_ReportsNoSuchHost()
    {
        var ex = await Assert.ThrowsAsync<ConnectException>(() => TcpConnector.ConnectAsync(
            "nowhere.invalid", 25, AddressFamilyPreference.Any, Timeout, null,
            (_, _) => throw new SocketException((int)SocketError.HostNotFound), CancellationToken.None));

        Assert.Equal(ConnectFailure.NoSuchHost, ex.Failure);
        Assert.Equal("nowhere.invalid: no such host", ex.Message);
    }

    [Fact]
    public async Task ConnectAsync_NameResolvesToIpv6FirstButServerIsIpv4Only_FallsBackAndConnects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var tried = new List<IPEndPoint>();

        using var socket = await TcpConnector.ConnectAsync(
            "localhost", port, AddressFamilyPreference.Any, Timeout, tried.Add,
            (_, _) => Task.FromResult(new[] { IPAddress.IPv6Loopback, IPAddress.Loopback }), CancellationToken.None);

        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)socket.RemoteEndPoint!).Address);
        Assert.Equal(AddressFamily.InterNetworkV6, tried[0].AddressFamily);
    }

    [Fact]
    public async Task ConnectAsync_Ipv4Only_SkipsIpv6Addresses()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var tried = new List<IPEndPoint>();

        using var socket = await TcpConnector.ConnectAsync(
            "localhost", port, AddressFamilyPreference.IPv4Only, Timeout, tried.Add,
            (_, _) => Task.FromResult(new[] { IPAddress.IPv6Loopback, IPAddress.Loopback }), CancellationToken.None);

        Assert.All(tried, ep => Assert.Equal(AddressFamily.InterNetwork, ep.AddressFamily));
    }

    [Fact]
    public async Task ConnectAsync_Ipv6OnlyButNoIpv6Address_ReportsNoIpv6Address()
    {
        var ex = await Assert.ThrowsAsync<ConnectException>(() => TcpConnector.ConnectAsync(
            "127.0.0.1", 25, AddressFamilyPreference.IPv6Only, Timeout, null, CancellationToken.None));

        Assert.Equal("127.0.0.1: no IPv6 address", ex.Message);
    }

    [Fact]
    public async Task ConnectAsync_ListenerWithFullBacklog_TimesOutWithinBudget()
    {
        using var blackhole = BlackholeListener.Start();
        var started = DateTime.UtcNow;

        var ex = await Assert.ThrowsAsync<ConnectException>(() => TcpConnector.ConnectAsync(
            "127.0.0.1", blackhole.Port, AddressFamilyPreference.Any, TimeSpan.FromSeconds(1), null, CancellationToken.None));

        Assert.Equal(ConnectFailure.TimedOut, ex.Failure);
        Assert.Equal($"127.0.0.1:{blackhole.Port}: timed out after 1 s", ex.Message);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void Interleave_MixedFamilies_AlternatesStartingWithFirst()
    {
        var v6a = IPAddress.Parse("::1");
        var v6b = IPAddress.Parse("::2");
        var v4a = IPAddress.Parse("127.0.0.1");

        var order = TcpConnector.Interleave([v6a, v6b, v4a]);

        Assert.Equal([v6a, v4a, v6b], order);
    }
}
