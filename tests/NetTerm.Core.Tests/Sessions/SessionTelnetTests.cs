using NetTerm.Core.Sessions;
using NetTerm.Core.Telnet;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Sessions;

public sealed class SessionTelnetTests
{
    private const byte Iac = 255, Will = 251, Wont = 252, Do = 253, Dont = 254;

    [Fact]
    public async Task RunAsync_DoBinaryWithoutBinaryOption_RefusesWithWont()
    {
        var reply = new TaskCompletionSource<byte[]>();
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            await s.SendAsync(new byte[] { Iac, Do, 0 }, ct);
            reply.TrySetResult(await ScriptedServer.ReadAtLeastAsync(s, 3, ct));
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var driver = new SessionDriver(new SessionOptions("127.0.0.1", server.Port) { Mode = SessionMode.Auto });

        Assert.Equal(new byte[] { Iac, Wont, 0 }, await reply.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await driver.WaitForAsync(e => e.OfType<ModeDetectedEvent>().Any(), "mode detection");
        Assert.Equal(SessionMode.Telnet, Assert.Single(driver.Events.OfType<ModeDetectedEvent>()).Mode);
    }

    [Fact]
    public async Task RunAsync_AutoModeWithTelnetOpening_SwitchesToTelnetAndStripsNegotiation()
    {
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            await s.SendAsync(new byte[] { Iac, Will, 1, Iac, Will, 3 }, ct);
            await Task.Delay(50, ct);
            await s.SendAsync("login: "u8.ToArray(), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var driver = new SessionDriver(new SessionOptions("127.0.0.1", server.Port));

        await driver.WaitForTextAsync("login: ");

        Assert.Equal("login: ", driver.ReceivedText);
        Assert.True(driver.Session.CharacterMode);
        Assert.True(driver.Session.RemoteEcho);
    }

    [Fact]
    public async Task SendLineAsync_ServerTookEcho_PublishesHiddenLineWithLengthOnly()
    {
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            await s.SendAsync(new byte[] { Iac, Will, 1 }, ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var driver = new SessionDriver(new SessionOptions("127.0.0.1", server.Port) { Mode = SessionMode.Telnet });
        await driver.WaitForAsync(_ => driver.Session.RemoteEcho, "server WILL ECHO");

        await driver.Session.SendLineAsync("hunter2", CancellationToken.None);
        await driver.WaitForAsync(e => e.OfType<LineSentEvent>().Any(), "the sent line");

        var sent = Assert.Single(driver.Events.OfType<LineSentEvent>());
        Assert.True(sent.Hidden);
        Assert.Equal(string.Empty, sent.Text);
        Assert.Equal(7, sent.Length);
    }

    [Fact]
    public async Task RunAsync_TelnetModeAnnounces_WillTtypeAndWillNaws()
    {
        var got = new TaskCompletionSource<byte[]>();
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            got.TrySetResult(await ScriptedServer.ReadAtLeastAsync(s, 6, ct));
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var driver = new SessionDriver(new SessionOptions("127.0.0.1", server.Port) { Mode = SessionMode.Telnet });

        var bytes = await got.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new byte[] { Iac, Will, (byte)TelnetOption.TerminalType, Iac, Will, (byte)TelnetOption.WindowSize }, bytes);
    }

    [Fact]
    public async Task SendTelnetCommandAsync_Ayt_SendsIacAyt()
    {
        var got = new TaskCompletionSource<byte[]>();
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            await s.SendAsync(new byte[] { Iac, Dont, 24, Iac, Dont, 31 }, ct);
            var all = await ScriptedServer.ReadAtLeastAsync(s, 8, ct);
            got.TrySetResult(all);
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var driver = new SessionDriver(new SessionOptions("127.0.0.1", server.Port) { Mode = SessionMode.Telnet });
        Assert.True(await driver.Session.Connected);

        await driver.Session.SendTelnetCommandAsync(TelnetCommand.AYT, CancellationToken.None);

        var bytes = await got.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new byte[] { Iac, (byte)TelnetCommand.AYT }, bytes[^2..]);
    }
}
