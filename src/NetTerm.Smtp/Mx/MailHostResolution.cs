namespace NetTerm.Smtp.Mx;

/// <summary>The mail hosts of a domain, or why there are none.</summary>
/// <param name="Domain">The name looked up (ASCII, no trailing dot).</param>
/// <param name="Outcome">What was found.</param>
/// <param name="Hosts">Candidates to try in order; empty unless <paramref name="Outcome"/> is
/// <see cref="MailHostOutcome.Mx"/> or <see cref="MailHostOutcome.AddressFallback"/>.</param>
/// <param name="Message">One line for the user: what was found, or what went wrong.</param>
/// <param name="Server">The DNS server that answered, or that was asked when none did.</param>
internal sealed record MailHostResolution(
    string Domain, MailHostOutcome Outcome, IReadOnlyList<MailHostCandidate> Hosts, string Message, string Server)
{
    /// <summary>True when there is at least one host to try.</summary>
    public bool HasHosts => Outcome is MailHostOutcome.Mx or MailHostOutcome.AddressFallback;
}
