using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetTerm.Core.Transport;

/// <summary>Checks a server certificate (chain, validity dates, name) and describes every failed check in plain words.
/// Pure apart from the platform chain engine, so it can be tested without a handshake.</summary>
internal static class CertificateValidator
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const X509ChainStatusFlags TrustFlags = X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain;

    /// <summary>Null when the certificate is trusted, valid at <paramref name="now"/> and issued for
    /// <paramref name="verifyName"/>; otherwise the failed checks joined with "; ".</summary>
    public static string? Validate(
        X509Certificate2 leaf,
        X509Certificate2Collection presented,
        string verifyName,
        X509Certificate2Collection? anchors,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(presented);
        ArgumentNullException.ThrowIfNull(verifyName);

        var problems = new List<string>();
        ChainProblems(leaf, presented, anchors, now, problems);

        var notAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var notBefore = new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        if (now > notAfter)
        {
            problems.Add($"certificate expired on {notAfter:yyyy-MM-dd}");
        }
        else if (now < notBefore)
        {
            problems.Add($"certificate is not yet valid (valid from {notBefore:yyyy-MM-dd})");
        }

        if (!MatchesName(leaf, verifyName))
        {
            var names = CertificateSummaries.Names(leaf);
            var target = names.Count == 0 ? "no name at all" : string.Join(", ", names);
            problems.Add($"certificate name mismatch: it is for {target} but you connected to {verifyName}");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    internal static bool MatchesName(X509Certificate2 leaf, string verifyName)
    {
        var name = HostNames.ToAscii(HostNames.StripBrackets(verifyName));
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        try
        {
            // Handles wildcards, IP literals against IP SANs, and the CN fallback only when there is no SAN at all.
            return leaf.MatchesHostname(name);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void ChainProblems(
        X509Certificate2 leaf,
        X509Certificate2Collection presented,
        X509Certificate2Collection? anchors,
        DateTimeOffset now,
        List<string> problems)
    {
        // System trust first; the --ca anchors are a second chance, so a publicly trusted server keeps working.
        using var system = BuildChain(leaf, presented, customRoots: null, now);
        var chain = system;
        using var custom = anchors is { Count: > 0 } && HasTrustFailure(system)
            ? BuildChain(leaf, presented, anchors, now)
            : null;
        if (custom is not null)
        {
            chain = custom;
        }

        if (HasTrustFailure(chain))
        {
            var selfSigned = leaf.SubjectName.RawData.AsSpan().SequenceEqual(leaf.IssuerName.RawData);
            var top = chain.ChainElements[^1].Certificate;
            var reason = selfSigned
                ? $"certificate is not trusted (self-signed: {leaf.Subject})"
                : $"issuer is not trusted ({top.Issuer})";
            problems.Add(reason);
            problems.Add(anchors is null
                ? "use --ca FILE to trust it"
                : "it does not chain to the --ca certificates either");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < chain.ChainElements.Count; i++)
        {
            var element = chain.ChainElements[i];
            foreach (var status in element.ChainElementStatus)
            {
                var text = Describe(status, i, element.Certificate);
                if (text is not null && seen.Add(text))
                {
                    problems.Add(text);
                }
            }
        }
    }

    private static string? Describe(X509ChainStatus status, int index, X509Certificate2 certificate)
    {
        const X509ChainStatusFlags Ignored = TrustFlags | X509ChainStatusFlags.NoError
            | X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;
        if ((status.Status & ~Ignored) == 0)
        {
            return null;
        }

        return status.Status switch
        {
            // The leaf's dates are reported with the exact date by Validate.
            X509ChainStatusFlags.NotTimeValid when index == 0 => null,
            X509ChainStatusFlags.NotTimeValid => $"issuer certificate is expired or not yet valid ({certificate.Subject})",
            X509ChainStatusFlags.NotValidForUsage when index == 0 =>
                "certificate is not meant for TLS servers (extended key usage)",
            X509ChainStatusFlags.Revoked => $"certificate has been revoked ({certificate.Subject})",
            X509ChainStatusFlags.NotSignatureValid => $"certificate signature is invalid ({certificate.Subject})",
            _ => $"certificate chain is invalid ({TrustAnchors.FirstLine(status.StatusInformation)}: {certificate.Subject})",
        };
    }

    private static bool HasTrustFailure(X509Chain chain) =>
        chain.ChainStatus.Any(s => (s.Status & TrustFlags) != 0)
        || chain.ChainElements.Any(e => e.ChainElementStatus.Any(s => (s.Status & TrustFlags) != 0));

    private static X509Chain BuildChain(
        X509Certificate2 leaf,
        X509Certificate2Collection presented,
        X509Certificate2Collection? customRoots,
        DateTimeOffset now)
    {
        var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.VerificationTime = now.LocalDateTime;
        policy.ApplicationPolicy.Add(new Oid(ServerAuthOid));
        policy.ExtraStore.AddRange(presented);
        if (customRoots is not null)
        {
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(customRoots);
            // An intermediate given as --ca can still complete the chain.
            policy.ExtraStore.AddRange(customRoots);
        }

        // The verdict is read from the statuses; the boolean adds nothing.
        _ = chain.Build(leaf);
        return chain;
    }
}
