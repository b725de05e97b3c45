using System.Net;

namespace NetTerm.Smtp.Mx;

/// <summary>Where and how patiently to ask.</summary>
/// <param name="Server">One DNS server (`--dns-server`); null uses the system's resolvers.</param>
internal sealed record DnsResolverOptions(IPEndPoint? Server = null)
{
    /// <summary>Per attempt, per server.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Further attempts after a timeout or network error.</summary>
    public int Retries { get; init; } = 1;

    /// <summary>`IP[:PORT]` (`[v6]:PORT` for IPv6 with a port); port 53 by default. Names are refused: resolving
    /// the resolver would need a resolver.</summary>
    public static bool TryParseServer(string text, out IPEndPoint? server)
    {
        ArgumentNullException.ThrowIfNull(text);
        server = null;
        // IPAddress.Parse would take "[::1]:53" and drop the port, and "1" as 0.0.0.1: parse as an endpoint, and
        // insist on a dotted or colon form.
        if (!text.AsSpan().ContainsAny('.', ':') || !IPEndPoint.TryParse(text, out var endpoint))
            return false;
        server = endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint;
        return true;
    }
}
