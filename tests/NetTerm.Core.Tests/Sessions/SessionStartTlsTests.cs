using System.Text;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Sessions;

public sealed class SessionStartTlsTests
{
    /// <summary>Consumes exactly one CRLF-terminated line, then pauses: the shape of an SMTP profile that has just read
    /// the 220 answer to STARTTLS.</summary>
    private sealed class FirstLineObserver : IInboundObserver
    {
        public string? Line { get; private set; }

        public InboundDecision OnInbound(ReadOnlySpan<byte> data)
        {
            if (Line is not null)
            {
                return InboundDecision.All(data.Length);
            }

            var end = data.IndexOf("\r\n"u8);
            if (end < 0)
            {
                return InboundDecision.All(data.Length);
            }

            Line = Encoding.ASCII.GetString(data[..end]);
            return new InboundDecision(end + 2, Pause: true);
        }
    }

    private static SessionOptions Raw(int port) => new("127.0.0.1", port) { Mode = SessionMode.Raw };

    [Fact]
    public async Task UpgradeToTlsAsync_BytesInSameSegmentAsReply_RefusesAndCloses()
    {
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            await s.SendAsync("220 go ahead\r\n250 INJECTED\r\n"u8.ToArray(), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        var observer = new FirstLineObserver();
        await using var driver = new SessionDriver(Raw(server.Port));
        driver.Session.InboundObserver = observer;
        await driver.WaitForAsync(_ => driver.Session.HeldBytes > 0, "the paused read loop");

        var ex = await Assert.ThrowsAsync<ConnectException>(() =>
            driver.Session.UpgradeToTlsAsync(new TlsOptions("localhost"), CancellationToken.None));

        Assert.Equal(ConnectFailure.StartTlsInjection, ex.Failure);
        Assert.Contains("possible STARTTLS injection: 14 byte(s)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("250 INJECTED", ex.Message, StringComparison.Ordinal);
        var closed = await driver.WaitClosedAsync();
        Assert.Equal(ConnectFailure.StartTlsInjection, closed.Failure);
        Assert.Equal("220 go ahead", observer.Line);
        Assert.DoesNotContain("INJECTED", driver.ReceivedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpgradeToTlsAsync_BytesArriveInLaterSegmentBeforeHandshake_RefusesAndCloses()
    {
        var lateSent = new TaskCompletionSource();
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            await s.SendAsync("220 go ahead\r\n"u8.ToArray(), ct);
            await Task.Delay(200, ct);
            await s.SendAsync("250 late\r\n"u8.ToArray(), ct);
            lateSent.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        var observer = new FirstLineObserver();
        await using var driver = new SessionDriver(Raw(server.Port));
        driver.Session.InboundObserver = observer;
        await driver.WaitForAsync(_ => observer.Line is not null, "the 220 line");
        await lateSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200); // loopback delivery of the late segment into our socket buffer

        var ex = await Assert.ThrowsAsync<ConnectException>(() =>
            driver.Session.UpgradeToTlsAsync(new TlsOptions("localhost"), CancellationToken.None));

        Assert.Equal(ConnectFailure.StartTlsInjection, ex.Failure);
        Assert.Equal(ConnectFailure.StartTlsInjection, (await driver.WaitClosedAsync()).Failure);
    }

    [Fact]
    public async Task UpgradeToTlsAsync_ReadLoopNotPaused_Throws()
    {
        await using var server = new ScriptedServer(async (s, ct) => await Task.Delay(Timeout.Infinite, ct));
        await using var driver = new SessionDriver(Raw(server.Port));
        Assert.True(await driver.Session.Connected);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            driver.Session.UpgradeToTlsAsync(new TlsOptions("localhost"), CancellationToken.None));
    }
}
