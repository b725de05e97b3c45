using System.Net;
using System.Text;
using NetTerm.Smtp.Mx;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Mx;

public sealed class SmtpPortProbeTests
{
    private static readonly IPAddress[] Loopback = [IPAddress.Loopback];

    private static LoopbackServer Greeting(string banner) => LoopbackServer.Start(async (client, ct) =>
    {
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(banner), ct);
        await Task.Delay(Timeout.Infinite, ct);
    });

    [Fact]
    public async Task ProbeAsync_Greeting_FirstLineEscaped()
    {
        await using var server = Greeting("220-mx.test ESMTP \u001b[2Jhi\r\n220 second line\r\n");

        var result = await SmtpPortProbe.ProbeAsync(Loopback, server.Port, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.True(result.Answered);
        Assert.Equal(IPAddress.Loopback, result.Address);
        Assert.Equal("220-mx.test ESMTP \\x1b[2Jhi", result.Text);
    }

    [Fact]
    public async Task ProbeAsync_OverlongBanner_Shortened()
    {
        await using var server = Greeting("220 " + new string('x', 400) + "\r\n");

        var result = await SmtpPortProbe.ProbeAsync(Loopback, server.Port, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(SmtpPortProbe.MaxBannerLength, result.Text.Length);
        Assert.EndsWith("…", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_SilentServer_ConnectedWithoutGreeting()
    {
        await using var server = LoopbackServer.Start((_, ct) => Task.Delay(Timeout.Infinite, ct));

        var result = await SmtpPortProbe.ProbeAsync(Loopback, server.Port, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.True(result.Answered);
        Assert.Equal("connected; no greeting in time", result.Text);
    }

    [Fact]
    public async Task ProbeAsync_RefusedThenListening_TriesNextAddress()
    {
        await using var server = Greeting("220 ok\r\n");
        // 127.0.0.2 is loopback too, but the listener is bound to 127.0.0.1 only: refused there.
        IPAddress[] addresses = [IPAddress.Parse("127.0.0.2"), IPAddress.Loopback];

        var result = await SmtpPortProbe.ProbeAsync(addresses, server.Port, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.True(result.Answered);
        Assert.Equal(IPAddress.Loopback, result.Address);
        Assert.Equal("220 ok", result.Text);
    }

    [Fact]
    public async Task ProbeAsync_NothingListening_Refused()
    {
        var result = await SmtpPortProbe.ProbeAsync(Loopback, FreePort.Get(), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.False(result.Answered);
        Assert.Equal("refused", result.Text);
    }

    [Fact]
    public async Task ProbeAsync_DroppedSyns_TimedOut()
    {
        using var hole = BlackholeListener.Start();

        var result = await SmtpPortProbe.ProbeAsync(Loopback, hole.Port, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.False(result.Answered);
        Assert.Equal("timed out", result.Text);
    }
}
