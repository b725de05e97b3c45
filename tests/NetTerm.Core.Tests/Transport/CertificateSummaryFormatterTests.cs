using NetTerm.Core.Transport;

namespace NetTerm.Core.Tests.Transport;

public sealed class CertificateSummaryFormatterTests
{
    private static readonly CertificateSummary Verified = new(
        "CN=localhost",
        "CN=NetTerm Test CA",
        ["localhost", "127.0.0.1"],
        new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        "AB:CD",
        "TLSv1.3",
        "TLS_AES_256_GCM_SHA384",
        "localhost",
        Verified: true,
        VerificationError: null,
        Insecure: false);

    [Fact]
    public void Describe_Verified_ListsEveryField()
    {
        var lines = Verified.Describe().Split('\n');

        Assert.Equal(
            [
                "Subject:     CN=localhost",
                "Issuer:      CN=NetTerm Test CA",
                "Names:       localhost, 127.0.0.1",
                "Valid from:  2025-01-02 03:04:05 UTC",
                "Valid until: 2026-01-02 03:04:05 UTC",
                "SHA-256:     AB:CD",
                "Protocol:    TLSv1.3",
                "Cipher:      TLS_AES_256_GCM_SHA384",
                "Checked as:  localhost",
                "Status:      verified",
            ],
            lines);
    }

    [Fact]
    public void Describe_InsecureFailure_SaysNotVerifiedAndWhy()
    {
        var summary = Verified with
        {
            Verified = false,
            VerificationError = "certificate expired on 2024-01-01",
            Insecure = true,
        };

        var last = summary.Describe().Split('\n')[^1];

        Assert.Equal(
            "Status:      NOT VERIFIED, accepted because of --insecure: certificate expired on 2024-01-01", last);
    }
}
