using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetTerm.Smtp.Sandbox;

/// <summary>The self-signed certificate the sandbox offers with STARTTLS, made fresh at every start so that no key
/// ever lives on disk longer than the sandbox runs.</summary>
internal static class SandboxCertificate
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";

    /// <summary>ECDSA P-256, CN=localhost, SAN localhost and 127.0.0.1, valid for one day (from a few minutes ago, to
    /// absorb clock skew between processes).</summary>
    public static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuth)], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        // On Linux, SslStream cannot serve a certificate whose key is an ephemeral in-memory handle; a PKCS#12
        // round trip gives it a key it can use for server authentication.
        var pfx = ephemeral.Export(X509ContentType.Pkcs12);
        try
        {
            return X509CertificateLoader.LoadPkcs12(pfx, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pfx);
        }
    }
}
