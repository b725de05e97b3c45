using System.Net;

namespace NetTerm.Smtp.Mx;

/// <summary>One host that takes mail for the domain, with its addresses.</summary>
/// <param name="Host">The exchange name without the trailing dot (or the domain itself, for the A/AAAA fallback).</param>
/// <param name="Preference">The MX preference; null for the A/AAAA fallback.</param>
/// <param name="Addresses">A records first, then AAAA; empty when the name has none.</param>
/// <param name="AddressError">Why <paramref name="Addresses"/> is empty (one line); null when it is not.</param>
internal sealed record MailHostCandidate(string Host, int? Preference, IReadOnlyList<IPAddress> Addresses, string? AddressError);
