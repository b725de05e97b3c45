using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetTerm.Core.Transport;

/// <summary>The one spelling of a certificate fingerprint, so what a server prints (the sandbox's startup table) and
/// what the client shows (the certificate panel) can be compared by eye.</summary>
public static class CertificateFingerprint
{
    /// <summary>Colon-separated uppercase hex, the form `openssl x509 -fingerprint -sha256` prints.</summary>
    public static string Sha256(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var hash = certificate.GetCertHash(HashAlgorithmName.SHA256);
        return string.Join(':', hash.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
    }
}
