using NetTerm.Core.Sessions;
using NetTerm.Core.Telnet;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Interop;

/// <summary>Against GNU inetutils telnetd from tests/peers (login alice / wonderland, then /bin/sh).</summary>
public sealed class TelnetdInteropTests
{
    [PeersFact]
    public async Task RunAsync_RealTelnetd_LogsInRunsCommandAndNegotiatesOptions()
    {
        var options = new SessionOptions(Peers.Host, Peers.Telnet) { Mode = SessionMode.Telnet, Columns = 100, Rows = 30 };
        await using var driver = new SessionDriver(options);
        Assert.True(await driver.Session.Connected, "telnetd on 127.0.0.1:2323 did not accept the connection");

        await driver.WaitForTextAsync("login:");
        await driver.Session.SendLineAsync(Peers.User, CancellationToken.None);
        await driver.WaitForTextAsync("assword:");
        await driver.Session.SendLineAsync(Peers.Password, CancellationToken.None);
        await driver.WaitForAsync(_ => driver.ReceivedText.TrimEnd().EndsWith('$'), "the shell prompt");
        await driver.Session.SendLineAsync("echo netterm-interop-$((6*7)) $COLUMNS", CancellationToken.None);
        await driver.WaitForTextAsync("netterm-interop-42");

        var password = driver.Events.OfType<LineSentEvent>().Single(e => e.Length == Peers.Password.Length && e.Hidden);
        Assert.Equal(string.Empty, password.Text);
        Assert.True(driver.Session.RemoteEcho);
        var changes = driver.Events.OfType<NegotiationChangedEvent>().ToList();
        Assert.Contains(changes, c => c is { Option: TelnetOption.Echo, Local: false, Enabled: true });
        Assert.Contains(changes, c => c is { Option: TelnetOption.SuppressGoAhead, Local: false, Enabled: true });
        Assert.Contains(changes, c => c is { Option: TelnetOption.TerminalType, Local: true, Enabled: true });
        Assert.Contains(changes, c => c is { Option: TelnetOption.WindowSize, Local: true, Enabled: true });
        Assert.DoesNotContain(changes, c => c is { Option: TelnetOption.NewEnvironment, Enabled: true });
    }

    [PeersFact]
    public async Task RunAsync_AutoModeOnTelnetdPort_DetectsTelnet()
    {
        await using var driver = new SessionDriver(new SessionOptions(Peers.Host, Peers.Telnet));

        await driver.WaitForTextAsync("login:");

        var detected = Assert.Single(driver.Events.OfType<ModeDetectedEvent>());
        Assert.Equal(SessionMode.Telnet, detected.Mode);
        Assert.DoesNotContain('\uFFFD', driver.ReceivedText);
    }
}
