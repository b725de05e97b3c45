using System.Globalization;
using System.Net;

namespace NetTerm.Core.Transport;

/// <summary>A target as the user typed it: a DNS name or an IP literal (brackets removed), and a port.</summary>
public readonly record struct HostPort(string Host, int Port)
{
    /// <summary>
    /// Parses "host", "host:port", "1.2.3.4:25", "::1", "[::1]" and "[::1]:23". An explicit port from a separate
    /// argument wins over none in the host, and conflicts with one in it.
    /// </summary>
    public static HostPort Parse(string text, int? port, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(text);
        var host = text.Trim();
        int? embedded = null;
        if (host.Length == 0)
        {
            throw new FormatException("host is empty");
        }

        if (host[0] == '[')
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"unbalanced '[' in host '{text}'");
            }

            var rest = host[(close + 1)..];
            host = host[1..close];
            if (rest.Length > 0)
            {
                embedded = rest[0] == ':' ? ParsePort(rest[1..]) : throw new FormatException($"unexpected '{rest}' after ']'");
            }

            if (!IPAddress.TryParse(host, out var literal) || literal.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                throw new FormatException($"'{host}' in brackets is not an IPv6 address");
            }
        }
        else if (host.Count(c => c == ':') == 1)
        {
            var colon = host.IndexOf(':', StringComparison.Ordinal);
            embedded = ParsePort(host[(colon + 1)..]);
            host = host[..colon];
        }
        else if (host.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(host, out _))
        {
            throw new FormatException($"'{host}' is not a host name or an IP address");
        }

        if (host.Length == 0)
        {
            throw new FormatException("host is empty");
        }

        if (embedded is not null && port is not null && embedded != port)
        {
            throw new FormatException($"port given twice ({embedded} and {port})");
        }

        return new HostPort(host, embedded ?? port ?? defaultPort);
    }

    /// <summary>Parses a port number 1..65535 with a one-line message on failure.</summary>
    public static int ParsePort(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"port must be a number from 1 to 65535 (got '{text}')");
        }

        return port;
    }

    /// <summary>host:port, with brackets around IPv6 literals.</summary>
    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
