namespace NetTerm.Core.Transport;

/// <summary>What the user needs to judge a TLS peer: the leaf certificate, the verdict and the negotiated parameters.</summary>
/// <param name="Verified">True when chain, name and validity all passed (never true under --insecure unless they passed).</param>
/// <param name="VerificationError">The failed check, named for a human ("certificate has expired on …"); null when verified.</param>
/// <param name="Insecure">The session accepted the certificate because of --insecure.</param>
public sealed record CertificateSummary(
    string Subject,
    string Issuer,
    IReadOnlyList<string> SubjectAlternativeNames,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string Sha256Fingerprint,
    string Protocol,
    string CipherSuite,
    string VerifiedName,
    bool Verified,
    string? VerificationError,
    bool Insecure);
