using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace NetTerm.Core.Transport;

/// <summary>The client side of a TLS handshake (implicit TLS and STARTTLS alike). Every failure becomes a one-line
/// <see cref="ConnectException"/> with <see cref="ConnectFailure.Tls"/> that names the check that failed.</summary>
public static class TlsConnector
{
    /// <summary>Runs the handshake over <paramref name="inner"/>. On success the returned stream owns
    /// <paramref name="inner"/>; on failure <paramref name="inner"/> is disposed, because a half-done handshake leaves
    /// the connection unusable and falling back to plaintext is never an option.</summary>
    public static async Task<TlsConnection> AuthenticateAsync(Stream inner, TlsOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);

        var verifyName = HostNames.StripBrackets(options.VerifyName);
        X509Certificate2Collection? anchors;
        SslStreamCertificateContext? clientCertificate;
        try
        {
            anchors = TrustAnchors.Load(options.CaFile);
            clientCertificate = ClientCertificateLoader.Load(options);
        }
        catch
        {
            await inner.DisposeAsync();
            throw;
        }

        var verifier = new ServerCertificateVerifier(verifyName, anchors, options.Insecure);
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = verifyName,
                    EnabledSslProtocols = EnabledProtocols(options.MinimumVersion),
                    // Matches SslStream's default and openssl s_client: no network fetches during a handshake.
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                    RemoteCertificateValidationCallback = verifier.Validate,
                    ClientCertificateContext = clientCertificate,
                },
                ct);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or ObjectDisposedException
                                       or OperationCanceledException)
        {
            await ssl.DisposeAsync();
            if (ct.IsCancellationRequested)
            {
                throw new OperationCanceledException("TLS handshake cancelled", ex, ct);
            }

            // Our callback refused the certificate: its reason is the real one, not SslStream's generic text.
            var message = verifier.Failure is not null && !options.Insecure
                ? "TLS: " + verifier.Failure
                : TlsHandshakeErrors.Describe(ex, options.MinimumVersion);
            throw new ConnectException(ConnectFailure.Tls, message, ex);
        }

        if (verifier.Leaf is null)
        {
            // Cannot happen with a certificate-based cipher suite, but an unverified session must never pass.
            await ssl.DisposeAsync();
            throw new ConnectException(ConnectFailure.Tls, "TLS: server sent no certificate");
        }

        var summary = CertificateSummaries.Create(
            verifier.Leaf,
            ProtocolName(ssl.SslProtocol),
            ssl.NegotiatedCipherSuite.ToString(),
            verifyName,
            verifier.Failure,
            options.Insecure);
        return new TlsConnection(ssl, summary);
    }

    internal static SslProtocols EnabledProtocols(SslProtocols minimum) =>
        minimum == SslProtocols.Tls13 ? SslProtocols.Tls13 : SslProtocols.Tls12 | SslProtocols.Tls13;

    internal static string ProtocolName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLSv1.3",
        SslProtocols.Tls12 => "TLSv1.2",
        _ => protocol.ToString(),
    };
}
