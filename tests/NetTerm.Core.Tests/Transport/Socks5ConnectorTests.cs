using System.Text;
using NetTerm.Core.Transport;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Transport;

public sealed class Socks5ConnectorTests
{
    private static readonly ProxySettings NoAuth = new(ProxyKind.Socks5, "127.0.0.1", 1080);

    private static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(10));

    private static async Task AssertEchoesAsync(Stream tunnel, CancellationToken ct)
    {
        var message = "EHLO through socks\r\n"u8.ToArray();
        await tunnel.WriteAsync(message, ct);
        var echoed = new byte[message.Length];
        await tunnel.ReadExactlyAsync(echoed, ct);
        Assert.Equal(message, echoed);
    }

    [Fact]
    public async Task ConnectAsync_NoAuthToIpLiteral_RoundTripsThroughEcho()
    {
        using var cts = Timeout();
        await using var echo = LoopbackEchoServer.Start();
        await using var proxy = Socks5TestProxy.Start();
        using var client = await proxy.ConnectAsync(cts.Token);

        var tunnel = await Socks5Connector.ConnectAsync(client.GetStream(), "127.0.0.1", echo.Port, NoAuth, cts.Token);

        await AssertEchoesAsync(tunnel, cts.Token);
        var request = Assert.Single(proxy.Requests);
        Assert.Equal(1, request.AddressType);
        Assert.Equal("127.0.0.1", request.Host);
        Assert.Equal(echo.Port, request.Port);
        Assert.Null(request.UserName);
    }

    [Fact]
    public async Task ConnectAsync_HostName_SendsDomainAtypForRemoteDns()
    {
        using var cts = Timeout();
        await using var echo = LoopbackEchoServer.Start();
        await using var proxy = Socks5TestProxy.Start();
        using var client = await proxy.ConnectAsync(cts.Token);

        var tunnel = await Socks5Connector.ConnectAsync(client.GetStream(), "localhost", echo.Port, NoAuth, cts.Token);

        await AssertEchoesAsync(tunnel, cts.Token);
        var request = Assert.Single(proxy.Requests);
        Assert.Equal(3, request.AddressType);
        Assert.Equal("localhost", request.Host);
    }

    [Fact]
    public async Task ConnectAsync_UserPassword_AuthenticatesAndRoundTrips()
    {
        using var cts = Timeout();
        await using var echo = LoopbackEchoServer.Start("220 hi\r\n"u8.ToArray());
        await using var proxy = Socks5TestProxy.Start("alice", "s3cret");
        using var client = await proxy.ConnectAsync(cts.Token);
        var settings = NoAuth with { UserName = "alice", Password = "s3cret" };

        var tunnel = await Socks5Connector.ConnectAsync(client.GetStream(), "localhost", echo.Port, settings, cts.Token);

        var greeting = new byte[8];
        await tunnel.ReadExactlyAsync(greeting, cts.Token);
        Assert.Equal("220 hi\r\n", Encoding.ASCII.GetString(greeting));
        await AssertEchoesAsync(tunnel, cts.Token);
        var request = Assert.Single(proxy.Requests);
        Assert.Equal(("alice", "s3cret"), (request.UserName, request.Password));
    }

    [Fact]
    public async Task ConnectAsync_WrongPassword_ThrowsProxyAuthenticationFailed()
    {
        using var cts = Timeout();
        await using var proxy = Socks5TestProxy.Start("alice", "s3cret");
        using var client = await proxy.ConnectAsync(cts.Token);
        var settings = NoAuth with { UserName = "alice", Password = "wrong" };

        var error = await Assert.ThrowsAsync<ConnectException>(
            () => Socks5Connector.ConnectAsync(client.GetStream(), "localhost", 25, settings, cts.Token));

        Assert.Equal(ConnectFailure.Proxy, error.Failure);
        Assert.StartsWith("proxy: authentication failed", error.Message, StringComparison.Ordinal);
        Assert.Empty(proxy.Requests);
    }

    [Fact]
    public async Task ConnectAsync_AuthRequiredButNoCredentials_ThrowsProxyAuthenticationRequired()
    {
        using var cts = Timeout();
        await using var proxy = Socks5TestProxy.Start("alice", "s3cret");
        using var client = await proxy.ConnectAsync(cts.Token);

        var error = await Assert.ThrowsAsync<ConnectException>(
            () => Socks5Connector.ConnectAsync(client.GetStream(), "localhost", 25, NoAuth, cts.Token));

        Assert.Equal(ConnectFailure.Proxy, error.Failure);
        Assert.StartsWith("proxy: authentication required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, ConnectFailure.Proxy, "proxy: general SOCKS server failure")]
    [InlineData(2, ConnectFailure.Proxy, "proxy: connection not allowed by ruleset")]
    [InlineData(3, ConnectFailure.NetworkUnreachable, "proxy: network unreachable")]
    [InlineData(4, ConnectFailure.HostUnreachable, "proxy: host unreachable")]
    [InlineData(5, ConnectFailure.Refused, "proxy: connection refused by destination")]
    [InlineData(6, ConnectFailure.TimedOut, "proxy: TTL expired (destination timed out)")]
    [InlineData(7, ConnectFailure.Proxy, "proxy: command not supported")]
    [InlineData(8, ConnectFailure.Proxy, "proxy: address type not supported")]
    [InlineData(0x42, ConnectFailure.Proxy, "proxy: unknown SOCKS5 reply 0x42")]
    public async Task ConnectAsync_FailureReply_MapsToOneLineMessage(byte code, ConnectFailure failure, string message)
    {
        using var cts = Timeout();
        await using var proxy = Socks5TestProxy.Start(failWith: code);
        using var client = await proxy.ConnectAsync(cts.Token);

        var error = await Assert.ThrowsAsync<ConnectException>(
            () => Socks5Connector.ConnectAsync(client.GetStream(), "localhost", 25, NoAuth, cts.Token));

        Assert.Equal(failure, error.Failure);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task ConnectAsync_SilentProxy_HonoursCancellation()
    {
        using var cts = Timeout();
        await using var proxy = LoopbackServer.Start((_, ct) => Task.Delay(TimeSpan.FromMinutes(2), ct));
        using var client = await proxy.ConnectAsync(cts.Token);
        using var quick = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        quick.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Socks5Connector.ConnectAsync(client.GetStream(), "localhost", 25, NoAuth, quick.Token));
        Assert.False(cts.IsCancellationRequested);
    }

    [Fact]
    public async Task ConnectAsync_ProxyClosesMidReply_ThrowsProxyClosed()
    {
        using var cts = Timeout();
        await using var proxy = LoopbackServer.Start(async (c, ct) =>
        {
            var stream = c.GetStream();
            await stream.ReadExactlyAsync(new byte[3], ct);
            await stream.WriteAsync(new byte[] { 5 }, ct);
        });
        using var client = await proxy.ConnectAsync(cts.Token);

        var error = await Assert.ThrowsAsync<ConnectException>(
            () => Socks5Connector.ConnectAsync(client.GetStream(), "localhost", 25, NoAuth, cts.Token));

        Assert.Equal(ConnectFailure.Proxy, error.Failure);
        Assert.Equal("proxy: closed the connection during the SOCKS5 greeting", error.Message);
    }

    [Fact]
    public async Task ConnectAsync_HttpServerInsteadOfSocks_ThrowsNotSocks5()
    {
        using var cts = Timeout();
        await using var proxy = LoopbackServer.Start(async (c, ct) =>
        {
            await c.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), ct);
            await c.GetStream().CopyToAsync(Stream.Null, ct);
        });
        using var client = await proxy.ConnectAsync(cts.Token);

        var error = await Assert.ThrowsAsync<ConnectException>(
            () => Socks5Connector.ConnectAsync(client.GetStream(), "localhost", 25, NoAuth, cts.Token));

        Assert.Equal(ConnectFailure.Proxy, error.Failure);
        Assert.StartsWith("proxy: not a SOCKS5 proxy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectRequest_Ipv6Literal_UsesAtyp4()
    {
        var request = Socks5Connector.ConnectRequest("[::1]", 25);

        Assert.Equal([5, 1, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 25], request);
    }

    [Fact]
    public void ConnectRequest_UnicodeName_SendsIdnaForm()
    {
        var request = Socks5Connector.ConnectRequest("bücher.example", 587);

        var name = "xn--bcher-kva.example";
        Assert.Equal([5, 1, 0, 3, (byte)name.Length, .. Encoding.ASCII.GetBytes(name), 2, 75], request);
    }

    [Theory]
    [InlineData("evil\r\nhost")]
    [InlineData("a b")]
    [InlineData("")]
    public void ConnectRequest_InvalidHost_ThrowsArgumentException(string host)
    {
        Assert.Throws<ArgumentException>(() => Socks5Connector.ConnectRequest(host, 25));
    }
}
