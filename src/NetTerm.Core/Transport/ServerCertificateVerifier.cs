using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NetTerm.Core.Transport;

/// <summary>The SslStream validation callback. It ignores SslStream's own verdict and runs
/// <see cref="CertificateValidator"/>, so that the --ca file is added to the system roots and every failure is named
/// in plain words. It remembers the leaf and the failure for the summary.</summary>
internal sealed class ServerCertificateVerifier(string verifyName, X509Certificate2Collection? anchors, bool insecure)
{
    public X509Certificate2? Leaf { get; private set; }

    /// <summary>What failed, in plain words; null when the certificate passed every check.</summary>
    public string? Failure { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            Failure = "server sent no certificate";
            return false;
        }

        // Our own copy: SslStream disposes the instance it hands us.
        Leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());

        // The intermediates the server sent arrive in the chain's extra store; the chain we build must see them.
        var presented = new X509Certificate2Collection();
        if (chain is not null)
        {
            presented.AddRange(chain.ChainPolicy.ExtraStore);
        }

        Failure = CertificateValidator.Validate(Leaf, presented, verifyName, anchors, DateTimeOffset.UtcNow);
        return Failure is null || insecure;
    }
}
