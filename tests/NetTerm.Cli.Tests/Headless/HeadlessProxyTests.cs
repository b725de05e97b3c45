using System.Globalization;
using NetTerm.Testing;

namespace NetTerm.Cli.Tests.Headless;

public sealed class HeadlessProxyTests
{
    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task RunAsync_Socks5ProxyWithPasswordFromEnvironment_ReachesEchoByName()
    {
        await using var echo = LoopbackEchoServer.Start("hello from target\r\n"u8.ToArray());
        await using var proxy = Socks5TestProxy.Start("bob", "s3cret");
        var env = new Dictionary<string, string> { ["NETTERM_PROXY_PASSWORD"] = "s3cret" };

        var result = await CliHarness.RunAsync("via socks\n"u8.ToArray(), env,
            "--no-tui", "--mode", "raw", "--wait", "1", "--proxy", $"socks5://bob@127.0.0.1:{P(proxy.Port)}", "localhost", P(echo.Port));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello from target\nvia socks\n", result.Text);
        var request = Assert.Single(proxy.Requests);
        Assert.Contains("localhost", request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HttpConnectProxy_KeepsGreetingAndEchoes()
    {
        await using var echo = LoopbackEchoServer.Start("220 greeting\r\n"u8.ToArray());
        await using var proxy = HttpConnectTestProxy.Start();

        var result = await CliHarness.RunAsync("x\n",
            "--no-tui", "--mode", "raw", "--wait", "1", "--proxy", $"http://127.0.0.1:{P(proxy.Port)}", "127.0.0.1", P(echo.Port));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("220 greeting\nx\n", result.Text);
    }

    [Fact]
    public async Task RunAsync_HttpProxyDenies_ExitsNineWithStatusLine()
    {
        await using var proxy = HttpConnectTestProxy.Start(failStatus: "403 Forbidden");

        var result = await CliHarness.RunAsync(string.Empty,
            "--no-tui", "--proxy", $"http://127.0.0.1:{P(proxy.Port)}", "127.0.0.1", "9");

        Assert.Equal(9, result.ExitCode);
        Assert.Contains("proxy: HTTP 403", result.Stderr, StringComparison.Ordinal);
    }
}
