using System.Security.Authentication;

namespace NetTerm.Core.Transport;

/// <summary>How a TLS client handshake is made and verified (implicit TLS and STARTTLS alike).</summary>
/// <param name="TargetHost">The name the user typed; the certificate is verified against it (or <paramref name="Sni"/>).</param>
/// <param name="Sni">Overrides the server name sent in the ClientHello and the name verified.</param>
/// <param name="CaFile">An extra trusted CA (PEM), for private and test servers.</param>
/// <param name="Insecure">Accept any certificate. Everything downstream marks the session UNVERIFIED.</param>
/// <param name="ClientCertificateFile">PEM client certificate, sent when the server asks.</param>
/// <param name="ClientKeyFile">PEM private key for <paramref name="ClientCertificateFile"/>.</param>
/// <param name="MinimumVersion">Lowest protocol accepted: TLS 1.2 (default) or TLS 1.3.</param>
public sealed record TlsOptions(
    string TargetHost,
    string? Sni = null,
    string? CaFile = null,
    bool Insecure = false,
    string? ClientCertificateFile = null,
    string? ClientKeyFile = null,
    SslProtocols MinimumVersion = SslProtocols.Tls12)
{
    /// <summary>The name sent as SNI and checked against the certificate.</summary>
    public string VerifyName => Sni ?? TargetHost;
}
