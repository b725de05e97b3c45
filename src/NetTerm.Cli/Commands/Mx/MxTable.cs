using System.Globalization;
using System.Net;
using NetTerm.Core.Terminal;
using NetTerm.Smtp.Mx;

namespace NetTerm.Cli.Commands.Mx;

/// <summary>One row of `netterm mx`: a candidate and, unless --no-probe, what its port showed.</summary>
internal sealed record MxRow(MailHostCandidate Host, PortProbeResult? Probe);

/// <summary>The text layout of `netterm mx`: aligned columns, every DNS- or server-supplied string escaped.</summary>
internal static class MxTable
{
    public static IEnumerable<string> Lines(MailHostResolution resolution, IReadOnlyList<MxRow> rows, int port, bool probed)
    {
        yield return $"{Safe(resolution.Message)} (DNS {resolution.Server})";
        string[] header = ["pref", "host", "addresses", probed ? $"port {port}" : string.Empty];
        var cells = rows.Select(r => new[]
        {
            r.Host.Preference?.ToString(CultureInfo.InvariantCulture) ?? "-",
            Safe(r.Host.Host),
            r.Host.Addresses.Count > 0 ? string.Join(", ", r.Host.Addresses) : Safe(r.Host.AddressError ?? "no address"),
            r.Probe is null ? string.Empty : (r.Probe.Answered ? string.Empty : "no: ") + r.Probe.Text,
        }).ToList();
        var widths = Enumerable.Range(0, 3).Select(i => cells.Select(c => c[i].Length).Append(header[i].Length).Max()).ToArray();
        foreach (var row in cells.Prepend(header))
        {
            yield return $"{row[0].PadLeft(widths[0])}  {row[1].PadRight(widths[1])}  {row[2].PadRight(widths[2])}  {row[3]}".TrimEnd();
        }
    }

    /// <summary>The host to offer: the first that answered the probe, else (without probing) the first with an
    /// address; null when none qualifies.</summary>
    public static MxRow? Best(IReadOnlyList<MxRow> rows, bool probed) =>
        rows.FirstOrDefault(r => r.Host.Addresses.Count > 0 && (!probed || r.Probe?.Answered == true));

    /// <summary>The `netterm smtp` arguments that reach <paramref name="best"/>. With the system resolvers the name
    /// is given (the session resolves it the same way); with --dns-server the system may not know the name, so the
    /// address is given and the name goes in --sni, which keeps STARTTLS verifying the right certificate name.</summary>
    public static string[] ConnectArguments(MxRow best, int port, bool customDns)
    {
        var host = best.Host.Host;
        if (!customDns || IPAddress.TryParse(host, out _))
            return port == 25 ? ["smtp", host] : ["smtp", host, port.ToString(CultureInfo.InvariantCulture)];
        var address = best.Probe?.Address ?? best.Host.Addresses[0];
        return ["smtp", address.ToString(), port.ToString(CultureInfo.InvariantCulture), "--sni", host];
    }

    public static string Safe(string text) => ControlEscaper.Escape(text);
}
