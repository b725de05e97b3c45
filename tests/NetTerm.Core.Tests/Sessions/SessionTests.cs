using System.Net.Sockets;
using System.Text;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Sessions;

public sealed class SessionTests
{
    private static SessionOptions Raw(int port) => new("127.0.0.1", port) { Mode = SessionMode.Raw };

    [Fact]
    public async Task SendLineAsync_EchoServer_SendsCrLfAndReceivesEcho()
    {
        var seen = new TaskCompletionSource<byte[]>();
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            var line = await ScriptedServer.ReadAtLeastAsync(s, 7, ct);
            seen.TrySetResult(line);
            await s.SendAsync(line, ct);
        });
        await using var driver = new SessionDriver(Raw(server.Port));
        Assert.True(await driver.Session.Connected);

        await driver.Session.SendLineAsync("hello", CancellationToken.None);
        await driver.WaitForTextAsync("hello\r\n");

        Assert.Equal("hello\r\n"u8.ToArray(), await seen.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        var sent = Assert.Single(driver.Events.OfType<LineSentEvent>());
        Assert.Equal("hello", sent.Text);
        Assert.False(sent.Hidden);
    }

    [Fact]
    public async Task SendLineAsync_InstantReplies_EachLineEventPrecedesItsReply()
    {
        // An echo server answers as soon as the bytes land. A tiny event channel and a slow consumer make the sender
        // and the read loop compete for every slot, so publishing after the write loses the race often.
        await using var server = LoopbackEchoServer.Start();
        await using var driver = new SessionDriver(Raw(server.Port) with { EventCapacity = 2 }, onEvent: _ => Thread.Sleep(1));
        Assert.True(await driver.Session.Connected);

        for (var i = 0; i < 200; i++)
        {
            await driver.Session.SendLineAsync("line " + i, CancellationToken.None);
        }

        await driver.WaitForTextAsync("line 199\r\n");
        var sentSoFar = 0;
        var receivedText = new StringBuilder();
        foreach (var e in driver.Events)
        {
            if (e is LineSentEvent)
            {
                sentSoFar++;
            }
            else if (e is DataReceivedEvent d)
            {
                receivedText.Append(d.Text);
                var linesEchoed = receivedText.ToString().Split("\r\n").Length - 1;
                Assert.True(linesEchoed <= sentSoFar, $"{linesEchoed} lines echoed before {sentSoFar} were published as sent");
            }
        }
    }

    [Theory]
    [InlineData(LineEnding.Lf, "x\n")]
    [InlineData(LineEnding.Cr, "x\r")]
    [InlineData(LineEnding.CrLf, "x\r\n")]
    public async Task SendLineAsync_LineEnding_UsesConfiguredTerminator(LineEnding ending, string expected)
    {
        var seen = new TaskCompletionSource<byte[]>();
        await using var server = new ScriptedServer(async (s, ct) =>
            seen.TrySetResult(await ScriptedServer.ReadAtLeastAsync(s, expected.Length, ct)));
        await using var driver = new SessionDriver(Raw(server.Port) with { LineEnding = ending });
        Assert.True(await driver.Session.Connected);

        await driver.Session.SendLineAsync("x", CancellationToken.None);

        Assert.Equal(Encoding.ASCII.GetBytes(expected), await seen.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task RunAsync_RawModeWithFfBytes_DeliversThemUntouched()
    {
        byte[] payload = [0xFF, 0xFB, 0x01, 0xFF, 0xFF, 0x00, 0x0D];
        await using var server = new ScriptedServer(async (s, ct) => await s.SendAsync(payload, ct));
        await using var driver = new SessionDriver(Raw(server.Port));

        var closed = await driver.WaitClosedAsync();

        Assert.Equal(payload, driver.ReceivedBytes);
        Assert.True(closed.ByPeer);
        Assert.Null(closed.Failure);
    }

    [Fact]
    public async Task RunAsync_InvalidUtf8_DecodesAsReplacementCharacter()
    {
        await using var server = new ScriptedServer(async (s, ct) => await s.SendAsync(new byte[] { 0x61, 0xC3, 0x28, 0x62 }, ct));
        await using var driver = new SessionDriver(Raw(server.Port));

        await driver.WaitClosedAsync();

        Assert.Equal("a\uFFFD(b", driver.ReceivedText);
    }

    [Theory]
    [InlineData("utf-8", "grüße € 😀 日本")]
    [InlineData("cp437", "│┤╡ grüße")]
    [InlineData("latin1", "grüße ÿ")]
    public async Task RunAsync_CharactersSplitAcrossReads_DecodeWhole(string charset, string text)
    {
        // One byte per write, with a pause, so that every multi-byte character arrives in pieces.
        var encoding = NetTerm.Core.Text.TextDecoderFactory.GetSendingEncoding(charset);
        var bytes = encoding.GetBytes(text);
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            foreach (var b in bytes)
            {
                await s.SendAsync(new byte[] { b }, ct);
                await Task.Delay(2, ct);
            }
        });
        await using var driver = new SessionDriver(Raw(server.Port) with { Encoding = NetTerm.Core.Text.TextDecoderFactory.GetDecodingEncoding(charset) });

        await driver.WaitClosedAsync();

        Assert.Equal(text, driver.ReceivedText);
        Assert.Equal(bytes, driver.ReceivedBytes);
    }

    [Fact]
    public async Task RunAsync_RefusedPort_ClosesWithRefusedFailure()
    {
        await using var driver = new SessionDriver(Raw(FreePort.Get()));

        var closed = await driver.WaitClosedAsync();

        Assert.Equal(ConnectFailure.Refused, closed.Failure);
        Assert.Contains("connection refused", closed.Reason, StringComparison.Ordinal);
        Assert.False(await driver.Session.Connected);
    }

    [Fact]
    public async Task RunAsync_PeerResets_ClosesAsConnectionLost()
    {
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            await s.SendAsync("hi\r\n"u8.ToArray(), ct);
            await Task.Delay(100, ct);
            s.LingerState = new LingerOption(true, 0);
            s.Close();
        });
        await using var driver = new SessionDriver(Raw(server.Port));

        var closed = await driver.WaitClosedAsync();

        Assert.Equal(ConnectFailure.ConnectionLost, closed.Failure);
        Assert.Equal("connection reset by peer", closed.Reason);
        Assert.Equal("hi\r\n", driver.ReceivedText);
    }

    [Fact]
    public async Task RunAsync_IdleTimeout_ClosesWithoutFailure()
    {
        await using var server = new ScriptedServer(async (s, ct) => await Task.Delay(Timeout.Infinite, ct));
        await using var driver = new SessionDriver(Raw(server.Port) with { IdleTimeout = TimeSpan.FromMilliseconds(300) });

        var closed = await driver.WaitClosedAsync();

        Assert.Null(closed.Failure);
        Assert.StartsWith("idle timeout", closed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShutdownSendAsync_Plaintext_ServerSeesEofAndCanStillReply()
    {
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            var got = await ScriptedServer.ReadAtLeastAsync(s, 1000, ct); // returns at EOF
            await s.SendAsync(Encoding.ASCII.GetBytes($"got {got.Length} bytes\r\n"), ct);
        });
        await using var driver = new SessionDriver(Raw(server.Port));
        Assert.True(await driver.Session.Connected);

        await driver.Session.SendLineAsync("abc", CancellationToken.None);
        await driver.Session.ShutdownSendAsync(CancellationToken.None);
        var closed = await driver.WaitClosedAsync();

        Assert.Equal("got 5 bytes\r\n", driver.ReceivedText);
        Assert.True(closed.ByPeer);
    }

    /// <summary>Marks the end of every line and posts a note for it, as a framing profile does.</summary>
    private sealed class LineNoter(Func<Session> session) : IInboundObserver
    {
        public InboundDecision OnInbound(ReadOnlySpan<byte> data)
        {
            for (var i = 0; i < data.Length; i++)
            {
                if (data[i] == (byte)'\n')
                {
                    session().MarkInbound(i + 1);
                    session().Post(new InfoEvent("note " + (i + 1)));
                }
            }

            return InboundDecision.All(data.Length);
        }
    }

    [Fact]
    public async Task MarkInbound_TwoLinesInOneRead_EachNoteFollowsItsLine()
    {
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            await s.SendAsync("one\ntwo\nrest"u8.ToArray(), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        Session? session = null;
        await using var driver = new SessionDriver(Raw(server.Port), s => { session = s; s.InboundObserver = new LineNoter(() => session!); });
        await driver.WaitForTextAsync("rest");

        var sequence = driver.Events.Where(e => e is DataReceivedEvent or InfoEvent { Message: ['n', 'o', 't', 'e', ..] })
            .Select(e => e is DataReceivedEvent d ? d.Text : ((InfoEvent)e).Message);

        Assert.Equal(["one\n", "note 4", "two\n", "note 8", "rest"], sequence);
    }
}
