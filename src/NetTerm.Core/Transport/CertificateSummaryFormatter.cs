using System.Globalization;
using System.Text;

namespace NetTerm.Core.Transport;

/// <summary>Human text for a certificate summary (the certificate panel, `--verbose`).</summary>
public static class CertificateSummaryFormatter
{
    /// <summary>One "Label: value" per line, LF-separated, the verdict last.</summary>
    public static string Describe(this CertificateSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        Line(text, "Subject", summary.Subject);
        Line(text, "Issuer", summary.Issuer);
        Line(text, "Names", summary.SubjectAlternativeNames.Count == 0
            ? "(none)"
            : string.Join(", ", summary.SubjectAlternativeNames));
        Line(text, "Valid from", Date(summary.NotBefore));
        Line(text, "Valid until", Date(summary.NotAfter));
        Line(text, "SHA-256", summary.Sha256Fingerprint);
        Line(text, "Protocol", summary.Protocol);
        Line(text, "Cipher", summary.CipherSuite);
        Line(text, "Checked as", summary.VerifiedName);
        var verdict = (summary.Verified, summary.Insecure) switch
        {
            (true, false) => "verified",
            (true, true) => "verified (--insecure was given but not needed)",
            (false, true) => $"NOT VERIFIED, accepted because of --insecure: {summary.VerificationError}",
            (false, false) => $"NOT VERIFIED: {summary.VerificationError}",
        };
        text.Append("Status:      ").Append(verdict);
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append((label + ":").PadRight(13)).Append(value).Append('\n');

    private static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
