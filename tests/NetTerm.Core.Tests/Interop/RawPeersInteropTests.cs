using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Interop;

/// <summary>Against the socat services and Postfix's implicit-TLS port from tests/peers.</summary>
public sealed class RawPeersInteropTests
{
    [PeersFact]
    public async Task SendLineAsync_SocatEcho_EchoesLine()
    {
        await using var driver = new SessionDriver(new SessionOptions(Peers.Host, Peers.Echo) { Mode = SessionMode.Raw });
        Assert.True(await driver.Session.Connected, "echo on 127.0.0.1:2700 did not accept the connection");

        await driver.Session.SendLineAsync("interop ✓", CancellationToken.None);

        await driver.WaitForTextAsync("interop ✓\r\n");
    }

    [PeersFact]
    public async Task RunAsync_Chargen_ReceivesEveryByteThenPeerCloses()
    {
        await using var driver = new SessionDriver(new SessionOptions(Peers.Host, Peers.Chargen) { Mode = SessionMode.Raw });

        var closed = await driver.WaitClosedAsync();

        Assert.True(closed.ByPeer);
        Assert.Equal(1024 * 1024, driver.ReceivedBytes.Length);
    }

    [PeersFact]
    public async Task RunAsync_PostfixSmtpsWithPeersCa_VerifiesCertificateAndGreets()
    {
        var options = new SessionOptions("localhost", Peers.Smtps)
        {
            Mode = SessionMode.Raw,
            Family = AddressFamilyPreference.IPv4Only,
            Tls = new TlsOptions("localhost", CaFile: Peers.CertificatePath),
        };
        await using var driver = new SessionDriver(options);

        await driver.WaitForTextAsync("220 ");

        var tls = Assert.Single(driver.Events.OfType<TlsEstablishedEvent>());
        Assert.True(tls.Certificate.Verified, tls.Certificate.VerificationError);
        Assert.Contains("localhost", tls.Certificate.SubjectAlternativeNames);
    }

    [PeersFact]
    public async Task RunAsync_PostfixSmtpsWithoutCa_RejectsSelfSignedCertificate()
    {
        var options = new SessionOptions(Peers.Host, Peers.Smtps)
        {
            Mode = SessionMode.Raw,
            Tls = new TlsOptions(Peers.Host),
        };
        await using var driver = new SessionDriver(options);

        var closed = await driver.WaitClosedAsync();

        Assert.Equal(ConnectFailure.Tls, closed.Failure);
        Assert.Contains("not trusted", closed.Reason, StringComparison.Ordinal);
    }
}
