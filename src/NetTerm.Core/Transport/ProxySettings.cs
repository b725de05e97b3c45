using System.Text;

namespace NetTerm.Core.Transport;

/// <summary>A proxy to tunnel through, parsed from <c>socks5://[user[:pass]@]host:port</c> or
/// <c>http://[user[:pass]@]host:port</c>.</summary>
/// <param name="Host">The proxy host: a DNS name or a bare IP literal (no brackets).</param>
/// <param name="Password">Null when no credentials are used. <see cref="ToString"/> never shows it.</param>
public sealed record ProxySettings(ProxyKind Kind, string Host, int Port, string? UserName = null, string? Password = null)
{
    /// <summary>The variable that supplies the password when the URI names a user but no password, so that the
    /// password stays out of argv and shell history.</summary>
    public const string PasswordVariable = "NETTERM_PROXY_PASSWORD";

    private const string Usage = "expected socks5://[user[:pass]@]host:port or http://[user[:pass]@]host:port";

    /// <summary>Parses a proxy URI. Throws <see cref="FormatException"/> with a one-line message that never contains the
    /// password.</summary>
    /// <param name="getEnv">Reads an environment variable (Environment.GetEnvironmentVariable, or a fake in tests).</param>
    public static ProxySettings Parse(string uri, Func<string, string?> getEnv)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(getEnv);

        if (!Uri.TryCreate(uri.Trim(), UriKind.Absolute, out var parsed))
        {
            throw new FormatException($"invalid proxy URI: {Usage}");
        }

        var kind = parsed.Scheme switch
        {
            // socks5h is curl's spelling for "the proxy resolves names", which is what we always do.
            "socks5" or "socks5h" => ProxyKind.Socks5,
            "http" => ProxyKind.HttpConnect,
            _ => throw new FormatException($"unsupported proxy scheme '{HostNames.Sanitize(parsed.Scheme)}': {Usage}"),
        };

        if (parsed.AbsolutePath is not ("/" or "") || parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
        {
            throw new FormatException($"a proxy URI has no path, query or fragment: {Usage}");
        }

        if (parsed.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)
            || parsed.IdnHost.Length == 0)
        {
            throw new FormatException($"invalid proxy host: {Usage}");
        }

        // Uri fills in 80 for http when no port is written; a proxy port must be explicit.
        if (parsed.Port is <= 0 or > 65535 || !HasExplicitPort(uri))
        {
            throw new FormatException($"proxy URI needs a port: {Usage}");
        }

        var (user, password) = Credentials(parsed.UserInfo, kind, getEnv);
        return new ProxySettings(kind, HostNames.StripBrackets(parsed.IdnHost), parsed.Port, user, password);
    }

    /// <summary>The URI form with the password masked, safe for logs and status lines.</summary>
    public override string ToString()
    {
        var scheme = Kind == ProxyKind.Socks5 ? "socks5" : "http";
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        var user = UserName is null ? "" : Uri.EscapeDataString(UserName) + (Password is null ? "" : ":***") + "@";
        return $"{scheme}://{user}{host}:{Port}";
    }

    private static bool HasExplicitPort(string uri)
    {
        // After the authority's last ']' or '@', a ':' introduces the port.
        var authority = uri.Trim();
        var start = authority.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = authority.IndexOf('/', start);
        authority = end < 0 ? authority[start..] : authority[start..end];
        var hostStart = Math.Max(authority.LastIndexOf('@') + 1, authority.LastIndexOf(']') + 1);
        return authority.IndexOf(':', hostStart) >= 0;
    }

    private static (string? User, string? Password) Credentials(
        string userInfo, ProxyKind kind, Func<string, string?> getEnv)
    {
        if (userInfo.Length == 0)
        {
            return (null, null);
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0
            ? getEnv(PasswordVariable)
                ?? throw new FormatException($"proxy user given without a password: set {PasswordVariable}")
            : Uri.UnescapeDataString(userInfo[(colon + 1)..]);

        if (user.Length == 0)
        {
            throw new FormatException("proxy user name is empty");
        }

        if (user.Any(char.IsControl) || password.Any(char.IsControl))
        {
            throw new FormatException("proxy user name or password contains control characters");
        }

        // RFC 1929 carries each in a length byte; RFC 7617 cannot carry a ':' in the user id.
        if (kind == ProxyKind.Socks5
            && (Encoding.UTF8.GetByteCount(user) > 255 || Encoding.UTF8.GetByteCount(password) > 255))
        {
            throw new FormatException("SOCKS5 user name and password are limited to 255 bytes each");
        }

        if (kind == ProxyKind.HttpConnect && user.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException("an HTTP proxy user name cannot contain ':'");
        }

        return (user, password);
    }
}
