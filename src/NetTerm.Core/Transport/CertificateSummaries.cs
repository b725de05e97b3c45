using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetTerm.Core.Transport;

/// <summary>Builds <see cref="CertificateSummary"/> from a leaf certificate.</summary>
internal static class CertificateSummaries
{
    private const string SubjectAltNameOid = "2.5.29.17";

    public static CertificateSummary Create(
        X509Certificate2 leaf,
        string protocol,
        string cipherSuite,
        string verifiedName,
        string? verificationError,
        bool insecure) =>
        new(
            leaf.Subject,
            leaf.Issuer,
            SubjectAlternativeNames(leaf),
            new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            CertificateFingerprint.Sha256(leaf),
            protocol,
            cipherSuite,
            verifiedName,
            verificationError is null,
            verificationError,
            insecure);

    /// <summary>DNS names then IP addresses, as bare values (no "DNS:" prefix).</summary>
    public static IReadOnlyList<string> SubjectAlternativeNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value != SubjectAltNameOid)
            {
                continue;
            }

            var san = extension as X509SubjectAlternativeNameExtension
                ?? new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical);
            try
            {
                names.AddRange(san.EnumerateDnsNames());
                names.AddRange(san.EnumerateIPAddresses().Select(a => a.ToString()));
            }
            catch (CryptographicException)
            {
                // A malformed SAN is the peer's problem; the name check fails on its own and says so.
            }
        }

        return names;
    }

    /// <summary>The names a certificate is for: its SANs, or its CN when it has none (what name matching uses).</summary>
    public static IReadOnlyList<string> Names(X509Certificate2 certificate)
    {
        var sans = SubjectAlternativeNames(certificate);
        if (sans.Count > 0)
        {
            return sans;
        }

        var cn = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return string.IsNullOrEmpty(cn) ? [] : [cn];
    }
}
