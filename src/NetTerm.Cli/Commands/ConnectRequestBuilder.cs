using System.CommandLine;
using System.Globalization;
using System.Security.Authentication;
using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Text;
using NetTerm.Core.Transport;

namespace NetTerm.Cli.Commands;

/// <summary>Maps a parse result to a <see cref="ConnectRequest"/>; every problem is a one-line <see cref="UsageException"/>.</summary>
internal static class ConnectRequestBuilder
{
    public static ConnectRequest Build(
        ParseResult pr,
        ConnectionOptions o,
        string hostText,
        string? portText,
        int defaultPort,
        Func<string, string?> getEnv,
        string? modeOverride = null,
        bool? tlsOverride = null)
    {
        HostPort target;
        try
        {
            int? port = portText is null ? null : HostPort.ParsePort(portText);
            target = HostPort.Parse(hostText, port, defaultPort);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }

        if (pr.GetValue(o.IPv4) && pr.GetValue(o.IPv6))
        {
            throw new UsageException("-4 and -6 exclude each other");
        }

        if (pr.GetValue(o.Lf) && pr.GetValue(o.Cr))
        {
            throw new UsageException("--lf and --cr exclude each other");
        }

        var connectTimeout = Seconds(pr.GetValue(o.ConnectTimeout), "--connect-timeout");
        var idle = pr.GetValue(o.IdleTimeout) is { } idleSeconds ? Seconds(idleSeconds, "--idle-timeout") : (TimeSpan?)null;
        var session = new SessionOptions(target.Host, target.Port)
        {
            Mode = ParseMode(modeOverride ?? pr.GetValue(o.Mode)),
            Tls = BuildTls(pr, o, target.Host, tlsOverride),
            Proxy = BuildProxy(pr.GetValue(o.Proxy), getEnv),
            Family = pr.GetValue(o.IPv4) ? AddressFamilyPreference.IPv4Only
                : pr.GetValue(o.IPv6) ? AddressFamilyPreference.IPv6Only : AddressFamilyPreference.Any,
            ConnectTimeout = connectTimeout,
            IdleTimeout = idle,
            KeepAlive = pr.GetValue(o.KeepAlive),
            LineEnding = pr.GetValue(o.Lf) ? LineEnding.Lf : pr.GetValue(o.Cr) ? LineEnding.Cr : LineEnding.CrLf,
            Encoding = ResolveCharset(pr.GetValue(o.Charset) ?? "utf-8"),
            TerminalType = pr.GetValue(o.TerminalType) ?? "DUMB",
            RequestBinary = pr.GetValue(o.Binary),
        };
        return new ConnectRequest(
            session,
            ProfileFor(session),
            pr.GetValue(o.NoTui),
            pr.GetValue(o.Binary),
            Seconds(pr.GetValue(o.Wait), "--wait", allowZero: true),
            pr.GetValue(o.Log)?.FullName,
            pr.GetValue(o.Verbose),
            pr.GetValue(o.Quiet));
    }

    /// <summary>The profile for a session: telnet when the mode says so (or auto on port 23), raw otherwise.</summary>
    public static IProfile ProfileFor(SessionOptions session) =>
        session.Mode == SessionMode.Telnet || (session.Mode == SessionMode.Auto && session.Port == 23)
            ? PassThroughProfile.Telnet
            : PassThroughProfile.Raw;

    private static SessionMode ParseMode(string? mode) => mode switch
    {
        "raw" => SessionMode.Raw,
        "telnet" => SessionMode.Telnet,
        _ => SessionMode.Auto,
    };

    private static TimeSpan Seconds(double value, string name, bool allowZero = false)
    {
        if (double.IsNaN(value) || value < 0 || (!allowZero && value == 0) || value > 86_400)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number of seconds between 0 and 86400 (got {value})"));
        }

        return TimeSpan.FromSeconds(value);
    }

    private static TlsOptions? BuildTls(ParseResult pr, ConnectionOptions o, string host, bool? tlsOverride)
    {
        var cert = pr.GetValue(o.Cert);
        var key = pr.GetValue(o.Key);
        if ((cert is null) != (key is null))
        {
            throw new UsageException("--cert and --key go together");
        }

        foreach (var file in new[] { pr.GetValue(o.Ca), cert, key })
        {
            if (file is not null && !file.Exists)
            {
                throw new UsageException($"file not found: {file.FullName}");
            }
        }

        var min = pr.GetValue(o.TlsMin) switch
        {
            "1.2" => SslProtocols.Tls12,
            "1.3" => SslProtocols.Tls13,
            var other => throw new UsageException($"--tls-min must be 1.2 or 1.3 (got '{other}')"),
        };
        if (!(tlsOverride ?? pr.GetValue(o.Tls)))
        {
            return null;
        }

        return new TlsOptions(host, pr.GetValue(o.Sni), pr.GetValue(o.Ca)?.FullName, pr.GetValue(o.Insecure), cert?.FullName, key?.FullName, min);
    }

    private static ProxySettings? BuildProxy(string? uri, Func<string, string?> getEnv)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return null;
        }

        try
        {
            return ProxySettings.Parse(uri, getEnv);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new UsageException($"--proxy: {ex.Message}");
        }
    }

    private static Encoding ResolveCharset(string name)
    {
        try
        {
            return TextDecoderFactory.GetDecodingEncoding(name);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
