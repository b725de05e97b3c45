using System.Text;
using NetTerm.Core.Transport;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Transport;

public sealed class HttpConnectConnectorTests
{
    private static readonly ProxySettings NoAuth = new(ProxyKind.HttpConnect, "127.0.0.1", 3128);

    private static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task ConnectAsync_TargetGreetsImmediately_GreetingBytesPreserved()
    {
        using var cts = Timeout();
        var greeting = "220 mx.peers.test ESMTP ready\r\n"u8.ToArray();
        await using var target = LoopbackEchoServer.Start(greeting);
        await using var proxy = HttpConnectTestProxy.Start();
        using var client = await proxy.ConnectAsync(cts.Token);

        var tunnel = await HttpConnectConnector.ConnectAsync(
            client.GetStream(), "localhost", target.Port, NoAuth, cts.Token);

        var received = new byte[greeting.Length];
        await tunnel.ReadExactlyAsync(received, cts.Token);
        Assert.Equal(greeting, received);
        await tunnel.WriteAsync("QUIT\r\n"u8.ToArray(), cts.Token);
        var echoed = new byte[6];
        await tunnel.ReadExactlyAsync(echoed, cts.Token);
        Assert.Equal("QUIT\r\n", Encoding.ASCII.GetString(echoed));
        var request = Assert.Single(proxy.Requests);
        Assert.Equal(
            $"CONNECT localhost:{target.Port} HTTP/1.1\r\nHost: localhost:{target.Port}\r\n\r\n", request);
    }

    [Fact]
    public async Task ConnectAsync_BasicCredentials_SentAndAccepted()
    {
        using var cts = Timeout();
        await using var target = LoopbackEchoServer.Start("hello\n"u8.ToArray());
        await using var proxy = HttpConnectTestProxy.Start("bob", "pa:ss");
        using var client = await proxy.ConnectAsync(cts.Token);
        var settings = NoAuth with { UserName = "bob", Password = "pa:ss" };

        var tunnel = await HttpConnectConnector.ConnectAsync(
            client.GetStream(), "127.0.0.1", target.Port, settings, cts.Token);

        var received = new byte[6];
        await tunnel.ReadExactlyAsync(received, cts.Token);
        Assert.Equal("hello\n", Encoding.ASCII.GetString(received));
        Assert.Contains("\r\nProxy-Authorization: Basic Ym9iOnBhOnNz\r\n", Assert.Single(proxy.Requests),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_WrongCredentials_Throws407()
    {
        using var cts = Timeout();
        await using var proxy = HttpConnectTestProxy.Start("bob", "right");
        using var client = await proxy.ConnectAsync(cts.Token);
        var settings = NoAuth with { UserName = "bob", Password = "wrong" };

        var error = await Assert.ThrowsAsync<ConnectException>(
            () => HttpConnectConnector.ConnectAsync(client.GetStream(), "localhost", 25, settings, cts.Token));

        Assert.Equal(ConnectFailure.Proxy, error.Failure);
        Assert.Equal("proxy: HTTP 407 Proxy Authentication Required", error.Message);
    }

    [Fact]
    public async Task ConnectAsync_Forbidden_ThrowsWithStatusAndReason()
    {
        using var cts = Timeout();
        await using var proxy = HttpConnectTestProxy.Start(failStatus: "403 Forbidden");
        using var client = await proxy.ConnectAsync(cts.Token);

        var error = await Assert.ThrowsAsync<ConnectException>(
            () => HttpConnectConnector.ConnectAsync(client.GetStream(), "localhost", 25, NoAuth, cts.Token));

        Assert.Equal(ConnectFailure.Proxy, error.Failure);
        Assert.Equal("proxy: HTTP 403 Forbidden", error.Message);
    }

    [Fact]
    public async Task ConnectAsync_EndlessHeader_StopsAtLimit()
    {
        using var cts = Timeout();
        await using var proxy = LoopbackServer.Start(async (c, ct) =>
        {
            var stream = c.GetStream();
            await stream.WriteAsync("HTTP/1.1 200 OK\r\n"u8.ToArray(), ct);
            var line = "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"u8.ToArray();
            while (!ct.IsCancellationRequested)
            {
                await stream.WriteAsync(line, ct);
            }
        });
        using var client = await proxy.ConnectAsync(cts.Token);

        var error = await Assert.ThrowsAsync<ConnectException>(
            () => HttpConnectConnector.ConnectAsync(client.GetStream(), "localhost", 25, NoAuth, cts.Token));

        Assert.Equal(ConnectFailure.Proxy, error.Failure);
        Assert.Equal("proxy: HTTP response header larger than 16 KiB", error.Message);
    }

    [Fact]
    public async Task ConnectAsync_NotHttp_ThrowsNotAnHttpProxy()
    {
        using var cts = Timeout();
        await using var proxy = LoopbackServer.Start(async (c, ct) =>
        {
            await c.GetStream().WriteAsync("SSH-2.0-OpenSSH_9.6\r\n\r\n"u8.ToArray(), ct);
            await c.GetStream().CopyToAsync(Stream.Null, ct);
        });
        using var client = await proxy.ConnectAsync(cts.Token);

        var error = await Assert.ThrowsAsync<ConnectException>(
            () => HttpConnectConnector.ConnectAsync(client.GetStream(), "localhost", 25, NoAuth, cts.Token));

        Assert.Equal("proxy: not an HTTP proxy (it answered \"SSH-2.0-OpenSSH_9.6\")", error.Message);
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
            () => HttpConnectConnector.ConnectAsync(client.GetStream(), "localhost", 25, NoAuth, quick.Token));
        Assert.False(cts.IsCancellationRequested);
    }

    [Fact]
    public void ConnectRequest_Ipv6Literal_BracketsAuthority()
    {
        var request = Encoding.ASCII.GetString(HttpConnectConnector.ConnectRequest("::1", 25, NoAuth));

        Assert.Equal("CONNECT [::1]:25 HTTP/1.1\r\nHost: [::1]:25\r\n\r\n", request);
    }

    [Fact]
    public void ConnectRequest_HeaderInjection_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(
            () => HttpConnectConnector.ConnectRequest("example.org:25 HTTP/1.1\r\nX-Evil: 1\r\n", 25, NoAuth));
    }
}
