namespace NetTerm.Smtp.Send;

/// <summary>The TLS the session ran under, for the report.</summary>
public sealed record SendTls(
    bool Upgraded,
    string Protocol,
    string Cipher,
    string Subject,
    string Issuer,
    string Sha256,
    string VerifiedName,
    bool Verified,
    string? VerificationError);
