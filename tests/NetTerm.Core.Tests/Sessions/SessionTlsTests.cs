using System.Net.Security;
using System.Net.Sockets;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Sessions;

public sealed class SessionTlsTests : IClassFixture<TestCertificates>
{
    private readonly TestCertificates _certs;

    public SessionTlsTests(TestCertificates certs) => _certs = certs;

    private ScriptedServer TlsEcho(bool startTls) => new(async (socket, ct) =>
    {
        using var network = new NetworkStream(socket, ownsSocket: false);
        if (startTls)
        {
            await network.WriteAsync("220 ready for TLS\r\n"u8.ToArray(), ct);
        }

        await using var ssl = new SslStream(network);
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certs.Leaf }, ct);
        await ssl.WriteAsync("250 secure\r\n"u8.ToArray(), ct);
        var buffer = new byte[1024];
        int n;
        while ((n = await ssl.ReadAsync(buffer, ct)) > 0)
        {
            await ssl.WriteAsync(buffer.AsMemory(0, n), ct);
        }
    });

    [Fact]
    public async Task RunAsync_ImplicitTlsTrustedViaCa_VerifiesAndEchoesUnderTls()
    {
        await using var server = TlsEcho(startTls: false);
        var options = new SessionOptions("localhost", server.Port)
        {
            Mode = SessionMode.Raw,
            Family = AddressFamilyPreference.IPv4Only,
            Tls = new TlsOptions("localhost", CaFile: _certs.CaPemPath),
        };
        await using var driver = new SessionDriver(options);
        Assert.True(await driver.Session.Connected);

        await driver.Session.SendLineAsync("over tls", CancellationToken.None);
        await driver.WaitForTextAsync("over tls\r\n");

        var tls = Assert.Single(driver.Events.OfType<TlsEstablishedEvent>());
        Assert.True(tls.Certificate.Verified);
        Assert.False(tls.Upgrade);
        Assert.True(driver.Session.IsTls);
        Assert.All(driver.Events.OfType<DataReceivedEvent>(), e => Assert.True(e.Tls));
        Assert.True(Assert.Single(driver.Events.OfType<LineSentEvent>()).Tls);
    }

    [Fact]
    public async Task RunAsync_ImplicitTlsUntrusted_ClosesWithTlsFailureNamingTheCheck()
    {
        await using var server = TlsEcho(startTls: false);
        var options = new SessionOptions("localhost", server.Port)
        {
            Mode = SessionMode.Raw,
            Family = AddressFamilyPreference.IPv4Only,
            Tls = new TlsOptions("localhost"),
        };
        await using var driver = new SessionDriver(options);

        var closed = await driver.WaitClosedAsync();

        Assert.Equal(ConnectFailure.Tls, closed.Failure);
        Assert.Contains("not trusted", closed.Reason, StringComparison.Ordinal);
        Assert.Empty(driver.Events.OfType<DataReceivedEvent>());
    }

    [Fact]
    public async Task UpgradeToTlsAsync_CleanBoundary_UpgradesSameConnection()
    {
        await using var server = TlsEcho(startTls: true);
        var observer = new PauseAfterFirstLine();
        await using var driver = new SessionDriver(new SessionOptions("127.0.0.1", server.Port) { Mode = SessionMode.Raw });
        driver.Session.InboundObserver = observer;
        await driver.WaitForTextAsync("220 ready for TLS\r\n");

        await driver.Session.UpgradeToTlsAsync(new TlsOptions("127.0.0.1", CaFile: _certs.CaPemPath), CancellationToken.None);
        await driver.WaitForTextAsync("250 secure\r\n");
        await driver.Session.SendLineAsync("EHLO again", CancellationToken.None);
        await driver.WaitForTextAsync("EHLO again\r\n");

        var tls = Assert.Single(driver.Events.OfType<TlsEstablishedEvent>());
        Assert.True(tls.Upgrade);
        Assert.True(tls.Certificate.Verified);
        var received = driver.Events.OfType<DataReceivedEvent>().ToList();
        Assert.False(received[0].Tls);
        Assert.True(received[^1].Tls);
    }

    private sealed class PauseAfterFirstLine : IInboundObserver
    {
        private bool _done;

        public InboundDecision OnInbound(ReadOnlySpan<byte> data)
        {
            if (_done)
            {
                return InboundDecision.All(data.Length);
            }

            // The LF ends the line even when a read split it from its CR.
            var end = data.IndexOf((byte)'\n');
            if (end < 0)
            {
                return InboundDecision.All(data.Length);
            }

            _done = true;
            return new InboundDecision(end + 1, Pause: true);
        }
    }
}
