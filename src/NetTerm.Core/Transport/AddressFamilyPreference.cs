namespace NetTerm.Core.Transport;

/// <summary>Which address families a connect may use (-4 / -6).</summary>
public enum AddressFamilyPreference
{
    Any,
    IPv4Only,
    IPv6Only,
}
