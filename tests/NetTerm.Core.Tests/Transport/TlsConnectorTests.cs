using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using NetTerm.Core.Transport;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Transport;

public sealed class TlsConnectorTests(TestCertificates certs) : IClassFixture<TestCertificates>
{
    private static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(10));

    private static async Task<TlsConnection> ConnectAsync(TlsTestServer server, TlsOptions options, CancellationToken ct)
    {
        var client = await server.ConnectAsync(ct);
        return await TlsConnector.AuthenticateAsync(client.GetStream(), options, ct);
    }

    private static async Task<ConnectException> RejectedAsync(X509Certificate2 certificate, TlsOptions options)
    {
        using var cts = Timeout();
        await using var server = TlsTestServer.Start(certificate);
        var error = await Assert.ThrowsAsync<ConnectException>(() => ConnectAsync(server, options, cts.Token));
        Assert.Equal(ConnectFailure.Tls, error.Failure);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("TLS: ", error.Message, StringComparison.Ordinal);
        return error;
    }

    private static async Task<string> ReadGreetingAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[TlsTestServer.Greeting.Length];
        await stream.ReadExactlyAsync(buffer, ct);
        return Encoding.ASCII.GetString(buffer);
    }

    [Fact]
    public async Task AuthenticateAsync_CaFileTrustsServer_ReturnsVerifiedSummary()
    {
        using var cts = Timeout();
        await using var server = TlsTestServer.Start(certs.Leaf);

        var tls = await ConnectAsync(server, new TlsOptions("localhost", CaFile: certs.CaPemPath), cts.Token);
        await using var stream = tls.Stream;

        var summary = tls.Certificate;
        Assert.True(summary.Verified);
        Assert.Null(summary.VerificationError);
        Assert.False(summary.Insecure);
        Assert.Equal("CN=localhost", summary.Subject);
        Assert.Equal("CN=NetTerm Test CA", summary.Issuer);
        Assert.Equal(["localhost", "mx.peers.test", "127.0.0.1", "::1"], summary.SubjectAlternativeNames);
        var hex = Convert.ToHexString(SHA256.HashData(certs.Leaf.RawData));
        Assert.Equal(string.Join(':', hex.Chunk(2).Select(c => new string(c))), summary.Sha256Fingerprint);
        Assert.Equal(new DateTimeOffset(certs.Leaf.NotAfter.ToUniversalTime()), summary.NotAfter);
        Assert.Equal(new DateTimeOffset(certs.Leaf.NotBefore.ToUniversalTime()), summary.NotBefore);
        Assert.Equal("TLSv1.3", summary.Protocol);
        Assert.StartsWith("TLS_", summary.CipherSuite, StringComparison.Ordinal);
        Assert.Equal("localhost", summary.VerifiedName);
        Assert.Equal(TlsTestServer.Greeting, await ReadGreetingAsync(stream, cts.Token));
        Assert.Equal("localhost", (await server.FirstSession).ServerName);
    }

    [Fact]
    public async Task AuthenticateAsync_CaFileWithSeveralCertificates_TrustsTheSecond()
    {
        using var cts = Timeout();
        await using var server = TlsTestServer.Start(certs.Leaf);

        var tls = await ConnectAsync(server, new TlsOptions("localhost", CaFile: certs.BothCasPemPath), cts.Token);
        await using var stream = tls.Stream;

        Assert.True(tls.Certificate.Verified);
    }

    [Fact]
    public async Task AuthenticateAsync_IpLiteralInSan_Verifies()
    {
        using var cts = Timeout();
        await using var server = TlsTestServer.Start(certs.Leaf);

        var tls = await ConnectAsync(server, new TlsOptions("127.0.0.1", CaFile: certs.CaPemPath), cts.Token);
        await using var stream = tls.Stream;

        Assert.True(tls.Certificate.Verified);
        // No SNI for an IP literal (RFC 6066 §3).
        Assert.True(string.IsNullOrEmpty((await server.FirstSession).ServerName));
    }

    [Fact]
    public async Task AuthenticateAsync_NoCaFile_ThrowsIssuerNotTrusted()
    {
        var error = await RejectedAsync(certs.Leaf, new TlsOptions("localhost"));

        Assert.Equal("TLS: issuer is not trusted (CN=NetTerm Test CA); use --ca FILE to trust it", error.Message);
    }

    [Fact]
    public async Task AuthenticateAsync_IssuerNotInCaFile_ThrowsIssuerNotTrusted()
    {
        var error = await RejectedAsync(certs.FromOtherCa, new TlsOptions("localhost", CaFile: certs.CaPemPath));

        Assert.Contains("issuer is not trusted (CN=Other Test CA)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_SelfSigned_ThrowsNotTrustedSelfSigned()
    {
        var error = await RejectedAsync(certs.SelfSigned, new TlsOptions("localhost", CaFile: certs.CaPemPath));

        Assert.StartsWith(
            "TLS: certificate is not trusted (self-signed: CN=localhost)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongHost_ThrowsNameMismatch()
    {
        var error = await RejectedAsync(certs.WrongHost, new TlsOptions("localhost", CaFile: certs.CaPemPath));

        Assert.Equal(
            "TLS: certificate name mismatch: it is for wrong.example but you connected to localhost", error.Message);
    }

    [Fact]
    public async Task AuthenticateAsync_IpNotInSan_ThrowsNameMismatchListingNames()
    {
        var error = await RejectedAsync(certs.Leaf, new TlsOptions("127.0.0.2", CaFile: certs.CaPemPath));

        Assert.Equal(
            "TLS: certificate name mismatch: it is for localhost, mx.peers.test, 127.0.0.1, ::1 but you connected to 127.0.0.2",
            error.Message);
    }

    [Fact]
    public async Task AuthenticateAsync_Expired_ThrowsExpiredWithDate()
    {
        var error = await RejectedAsync(certs.Expired, new TlsOptions("localhost", CaFile: certs.CaPemPath));

        Assert.Equal("TLS: certificate expired on 2024-01-01", error.Message);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValid_ThrowsNotYetValid()
    {
        var error = await RejectedAsync(certs.NotYetValid, new TlsOptions("localhost", CaFile: certs.CaPemPath));

        Assert.StartsWith("TLS: certificate is not yet valid (valid from ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_InsecureSelfSigned_AcceptsButMarksUnverified()
    {
        using var cts = Timeout();
        await using var server = TlsTestServer.Start(certs.SelfSigned);

        var tls = await ConnectAsync(server, new TlsOptions("127.0.0.2", Insecure: true), cts.Token);
        await using var stream = tls.Stream;

        Assert.False(tls.Certificate.Verified);
        Assert.True(tls.Certificate.Insecure);
        Assert.Contains("self-signed: CN=localhost", tls.Certificate.VerificationError, StringComparison.Ordinal);
        Assert.Contains("you connected to 127.0.0.2", tls.Certificate.VerificationError, StringComparison.Ordinal);
        Assert.Equal(TlsTestServer.Greeting, await ReadGreetingAsync(stream, cts.Token));
    }

    [Fact]
    public async Task AuthenticateAsync_Sni_SentAndVerified()
    {
        using var cts = Timeout();
        await using var server = TlsTestServer.Start(certs.Leaf);

        var options = new TlsOptions("127.0.0.1", Sni: "mx.peers.test", CaFile: certs.CaPemPath);
        var tls = await ConnectAsync(server, options, cts.Token);
        await using var stream = tls.Stream;

        Assert.Equal("mx.peers.test", (await server.FirstSession).ServerName);
        Assert.Equal("mx.peers.test", tls.Certificate.VerifiedName);
        Assert.True(tls.Certificate.Verified);
    }

    [Fact]
    public async Task AuthenticateAsync_ClientCertificate_SeenByServer()
    {
        using var cts = Timeout();
        await using var server = TlsTestServer.Start(certs.Leaf, requireClientCertificate: true);
        var options = new TlsOptions(
            "localhost",
            CaFile: certs.CaPemPath,
            ClientCertificateFile: certs.ClientCertPemPath,
            ClientKeyFile: certs.ClientKeyPemPath);

        var tls = await ConnectAsync(server, options, cts.Token);
        await using var stream = tls.Stream;
        // In TLS 1.3 the server checks the client certificate after the client has finished; reading proves it passed.
        Assert.Equal(TlsTestServer.Greeting, await ReadGreetingAsync(stream, cts.Token));

        var session = await server.FirstSession;
        Assert.True(session.Authenticated);
        Assert.Equal(certs.Client.Thumbprint, session.ClientCertificate?.Thumbprint);
    }

    [Fact]
    public async Task AuthenticateAsync_ClientKeyMissing_ThrowsTls()
    {
        var error = await RejectedAsync(
            certs.Leaf,
            new TlsOptions("localhost", CaFile: certs.CaPemPath, ClientCertificateFile: certs.ClientCertPemPath));

        Assert.Contains("both the certificate file and the key file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_MissingCaFile_ThrowsTls()
    {
        var missing = Path.Combine(certs.Directory, "missing.pem");

        var error = await RejectedAsync(certs.Leaf, new TlsOptions("localhost", CaFile: missing));

        Assert.StartsWith($"TLS: cannot read CA file {missing}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_Tls13AgainstTls12OnlyServer_ThrowsProtocolVersion()
    {
        using var cts = Timeout();
        await using var server = TlsTestServer.Start(certs.Leaf, protocols: SslProtocols.Tls12);
        var options = new TlsOptions("localhost", CaFile: certs.CaPemPath, MinimumVersion: SslProtocols.Tls13);

        var error = await Assert.ThrowsAsync<ConnectException>(() => ConnectAsync(server, options, cts.Token));

        Assert.Equal(ConnectFailure.Tls, error.Failure);
        Assert.Equal("TLS: no common protocol version (the server does not support TLS 1.3 or newer)", error.Message);
    }

    [Fact]
    public async Task AuthenticateAsync_Tls12OnlyServer_NegotiatesTls12()
    {
        using var cts = Timeout();
        await using var server = TlsTestServer.Start(certs.Leaf, protocols: SslProtocols.Tls12);

        var tls = await ConnectAsync(server, new TlsOptions("localhost", CaFile: certs.CaPemPath), cts.Token);
        await using var stream = tls.Stream;

        Assert.Equal("TLSv1.2", tls.Certificate.Protocol);
        Assert.True(tls.Certificate.Verified);
    }

    [Fact]
    public async Task AuthenticateAsync_PlaintextInsteadOfServerHello_ThrowsOneLineTlsError()
    {
        using var cts = Timeout();
        await using var server = TlsTestServer.Start(certs.Leaf, TlsServerBehavior.SendPlaintext);

        var error = await Assert.ThrowsAsync<ConnectException>(
            () => ConnectAsync(server, new TlsOptions("localhost"), cts.Token));

        Assert.Equal(ConnectFailure.Tls, error.Failure);
        Assert.StartsWith("TLS: the server did not answer with TLS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task AuthenticateAsync_ResetDuringHandshake_ThrowsTlsError()
    {
        using var cts = Timeout();
        await using var server = TlsTestServer.Start(certs.Leaf, TlsServerBehavior.ResetDuringHandshake);

        var error = await Assert.ThrowsAsync<ConnectException>(
            () => ConnectAsync(server, new TlsOptions("localhost"), cts.Token));

        Assert.Equal(ConnectFailure.Tls, error.Failure);
        Assert.Matches("^TLS: (connection reset by|server closed the connection)", error.Message);
    }

    [Fact]
    public async Task AuthenticateAsync_SilentServer_HonoursCancellation()
    {
        using var cts = Timeout();
        await using var server = LoopbackServer.Start((_, ct) => Task.Delay(TimeSpan.FromMinutes(2), ct));
        var client = await server.ConnectAsync(cts.Token);
        using var quick = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        quick.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => TlsConnector.AuthenticateAsync(client.GetStream(), new TlsOptions("localhost"), quick.Token));
        Assert.False(cts.IsCancellationRequested);
    }
}
