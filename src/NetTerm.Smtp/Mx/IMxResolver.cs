namespace NetTerm.Smtp.Mx;

/// <summary>Finds the hosts that take mail for a domain (RFC 5321 §5.1): its MX exchanges in preference order, or
/// the domain itself when it has no MX. Failures are outcomes, not exceptions, so a caller can show each one in
/// its own words; only cancellation throws.</summary>
internal interface IMxResolver
{
    Task<MailHostResolution> ResolveAsync(string domain, CancellationToken ct);
}
