using System.Globalization;
using System.Net;

namespace NetTerm.Core.Transport;

/// <summary>Host name normalisation shared by TLS verification and the proxy connectors.</summary>
internal static class HostNames
{
    private static readonly IdnMapping Idn = new();

    /// <summary>"[::1]" → "::1": users type URI-style IPv6 literals, but certificates and proxies want the bare form.</summary>
    public static string StripBrackets(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
    }

    /// <summary>Parses a destination: an IP literal (bracketed or not), or a DNS name converted to its ASCII (IDNA) form.
    /// Throws <see cref="ArgumentException"/> for anything that could not go on the wire safely.</summary>
    public static (IPAddress? Address, string Name) ParseDestination(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var bare = StripBrackets(host.Trim());
        var kind = Uri.CheckHostName(bare);
        if (kind is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(bare, out var address))
        {
            return (address, address.ToString());
        }

        var ascii = ToAscii(bare);
        if (ascii is null || Uri.CheckHostName(ascii) != UriHostNameType.Dns || ascii.Length > 255)
        {
            throw new ArgumentException($"invalid host name: {Sanitize(host)}", nameof(host));
        }

        return (null, ascii);
    }

    /// <summary>The ASCII form of a name, or null when it is not a valid IDN.</summary>
    public static string? ToAscii(string name)
    {
        if (name.All(char.IsAscii))
        {
            return name;
        }

        try
        {
            // Lower-cased first: the build runs without ICU (invariant globalization), where IdnMapping encodes
            // Punycode but does not apply the IDNA case mapping ("BÜCHER" would become a different name).
            return Idn.GetAscii(name.ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Keeps a hostile string from breaking a one-line message.</summary>
    public static string Sanitize(string text, int max = 100)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? '?' : c).Take(max).ToArray());
        return text.Length > max ? clean + "…" : clean;
    }
}
