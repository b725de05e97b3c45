using System.Globalization;

namespace NetTerm.Tui;

/// <summary>Turns a <see cref="StatusSnapshot"/> into the status bar's segments. Pure: tested without a terminal.</summary>
internal static class StatusFormatter
{
    public const string KeyHints = "F1 help  F10 menu  ^] cmd  ^Q quit";

    public static IReadOnlyList<StatusSegment> Format(StatusSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parts = new List<StatusSegment>(10)
        {
            new(s.Target, StatusTone.Normal),
            new(s.Mode, StatusTone.Normal),
            State(s),
        };
        if (s.Tls is { } tls)
        {
            parts.Add(tls.Verified
                ? new($"{tls.Protocol} {tls.CipherSuite} {tls.VerifiedName}", StatusTone.Good)
                : new($"{tls.Protocol} {tls.CipherSuite} UNVERIFIED", StatusTone.Bad));
        }

        if (s.CharMode)
        {
            parts.Add(new("char mode", StatusTone.Warning));
        }

        if (s.EchoOff)
        {
            parts.Add(new("echo off", StatusTone.Warning));
        }

        parts.Add(new($"in {Bytes(s.BytesIn)} out {Bytes(s.BytesOut)}", StatusTone.Normal));
        if (s.Uptime is { } up)
        {
            parts.Add(new(Duration(up), StatusTone.Normal));
        }

        if (s.LogFile is { } log)
        {
            parts.Add(new("log " + Path.GetFileName(log), StatusTone.Normal));
        }

        parts.Add(new(KeyHints, StatusTone.Hint));
        return parts;
    }

    /// <summary>The segments joined as the status bar draws them (tests and the plain-text fallback).</summary>
    public static string ToText(IReadOnlyList<StatusSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return string.Join(" │ ", segments.Select(s => s.Text));
    }

    private static StatusSegment State(StatusSnapshot s) => s.State switch
    {
        LinkState.Connecting => new("connecting…", StatusTone.Warning),
        LinkState.Connected => new("connected", StatusTone.Good),
        LinkState.Closed => new(s.Reason is null ? "closed" : $"closed: {s.Reason} (^R reconnect)", StatusTone.Warning),
        LinkState.Failed => new($"failed: {s.Reason ?? "error"} (^R reconnect)", StatusTone.Bad),
        _ => new("not connected", StatusTone.Normal),
    };

    /// <summary>Byte counts with binary prefixes: 999 B, 1.5 KiB, 12.3 MiB.</summary>
    public static string Bytes(long n)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        if (n < 1024)
        {
            return n.ToString(CultureInfo.InvariantCulture) + " B";
        }

        double v = n;
        var unit = 0;
        while (v >= 1024 && unit < units.Length - 1)
        {
            v /= 1024;
            unit++;
        }

        return v.ToString(v < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>Connection time as h:mm:ss (days fold into hours).</summary>
    public static string Duration(TimeSpan t)
    {
        if (t < TimeSpan.Zero)
        {
            t = TimeSpan.Zero;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}");
    }
}
