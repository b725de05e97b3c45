using System.CommandLine;
using System.Globalization;
using System.Security.Authentication;
using System.Text;
using NetTerm.Cli.Composition;
using NetTerm.Core.Persistence;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Text;
using NetTerm.Core.Transcripts;
using NetTerm.Core.Transport;

namespace NetTerm.Cli.Commands;

/// <summary>Maps a parse result to a <see cref="ConnectRequest"/>; every problem is a one-line <see cref="UsageException"/>.</summary>
internal static class ConnectRequestBuilder
{
    /// <param name="hostText">The HOST argument; null with <paramref name="saved"/>, whose host and port are used.</param>
    /// <param name="saved">The `--session` being opened: options typed on the command line override its values.</param>
    public static ConnectRequest Build(
        ParseResult pr,
        ConnectionOptions o,
        string? hostText,
        string? portText,
        int defaultPort,
        Func<string, string?> getEnv,
        SavedSession? saved = null,
        string? modeOverride = null,
        bool? tlsOverride = null)
    {
        var target = saved is not null ? new HostPort(saved.Host, saved.Port) : ParseTarget(hostText, portText, defaultPort);
        var from = new OptionSources(pr, saved);
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
        var profile = ProfileCatalog.Resolve(modeOverride ?? from.Pick(o.Mode, s => s.Mode), target.Port);
        var tlsTyped = pr.GetResult(o.Tls) is { Implicit: false };
        var useTls = tlsOverride ?? (tlsTyped || saved is not null ? from.Pick(o.Tls, s => s.Tls) : ProfileCatalog.ImplicitTlsByDefault(profile, target.Port));
        var tls = BuildTls(pr, o, from, target.Host);
        var session = new SessionOptions(target.Host, target.Port)
        {
            Mode = ProfileCatalog.SessionModeFor(profile),
            Tls = useTls ? tls : null,
            UpgradeTls = tls,
            Proxy = BuildProxy(pr.GetValue(o.Proxy), getEnv),
            Family = pr.GetValue(o.IPv4) ? AddressFamilyPreference.IPv4Only
                : pr.GetValue(o.IPv6) ? AddressFamilyPreference.IPv6Only : AddressFamilyPreference.Any,
            ConnectTimeout = connectTimeout,
            IdleTimeout = idle,
            KeepAlive = pr.GetValue(o.KeepAlive),
            LineEnding = ParseLineEnding(pr, o, from),
            Encoding = ResolveCharset(from.Pick(o.Charset, s => s.Charset) ?? "utf-8"),
            TerminalType = from.Pick(o.TerminalType, s => s.TerminalType) ?? "DUMB",
            RequestBinary = pr.GetValue(o.Binary),
        };
        return new ConnectRequest(
            session,
            ProfileCatalog.Create(profile, pr.GetValue(o.AllowPlaintextAuth), ReplyTimeout(pr, o)),
            pr.GetValue(o.NoTui),
            pr.GetValue(o.Binary),
            Seconds(pr.GetValue(o.Wait), "--wait", allowZero: true),
            from.Pick(o.Log, s => s.LogFile is null ? null : new FileInfo(s.LogFile))?.FullName,
            pr.GetValue(o.Verbose),
            pr.GetValue(o.Quiet))
        {
            LogFormat = LogFormat(pr, o, saved),
        };
    }

    /// <summary>--log-format as typed, else the saved session's, else text.</summary>
    public static TranscriptFormat LogFormat(ParseResult pr, ConnectionOptions o, SavedSession? saved) =>
        TranscriptSinks.Parse(new OptionSources(pr, saved).Pick(o.LogFormat, s => s.LogFormat))
        ?? throw new UsageException("--log-format must be text or jsonl");

    private static HostPort ParseTarget(string? hostText, string? portText, int defaultPort)
    {
        if (hostText is null)
        {
            throw new UsageException("a host is required: netterm HOST [PORT], or netterm --session NAME");
        }

        try
        {
            int? port = portText is null ? null : HostPort.ParsePort(portText);
            return HostPort.Parse(hostText, port, defaultPort);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    // --lf and --cr are two flags for one setting: either one typed replaces the saved line ending.
    private static LineEnding ParseLineEnding(ParseResult pr, ConnectionOptions o, OptionSources from)
    {
        if (from.FromCommandLine(o.Lf) || from.FromCommandLine(o.Cr))
        {
            return pr.GetValue(o.Lf) ? LineEnding.Lf : pr.GetValue(o.Cr) ? LineEnding.Cr : LineEnding.CrLf;
        }

        return from.Saved?.LineEnding switch
        {
            "lf" => LineEnding.Lf,
            "cr" => LineEnding.Cr,
            _ => LineEnding.CrLf,
        };
    }

    public static TimeSpan ReplyTimeout(ParseResult pr, ConnectionOptions o) => Seconds(pr.GetValue(o.ReplyTimeout), "--reply-timeout");

    internal static TimeSpan Seconds(double value, string name, bool allowZero = false)
    {
        if (double.IsNaN(value) || value < 0 || (!allowZero && value == 0) || value > 86_400)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number of seconds between 0 and 86400 (got {value})"));
        }

        return TimeSpan.FromSeconds(value);
    }

    /// <summary>TLS settings (--ca, --insecure, --sni, --cert, --tls-min), used by implicit TLS and by STARTTLS alike.</summary>
    private static TlsOptions BuildTls(ParseResult pr, ConnectionOptions o, OptionSources from, string host)
    {
        var ca = from.Pick(o.Ca, s => s.CaFile is null ? null : new FileInfo(s.CaFile));
        var cert = pr.GetValue(o.Cert);
        var key = pr.GetValue(o.Key);
        if ((cert is null) != (key is null))
        {
            throw new UsageException("--cert and --key go together");
        }

        foreach (var file in new[] { ca, cert, key })
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
        return new TlsOptions(
            host,
            from.Pick(o.Sni, s => s.Sni),
            ca?.FullName,
            from.Pick(o.Insecure, s => s.Insecure),
            cert?.FullName,
            key?.FullName,
            min);
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
