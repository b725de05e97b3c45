using System.Buffers;
using System.Text;
using System.Text.Json;
using NetTerm.Smtp.Mx;

namespace NetTerm.Cli.Commands.Mx;

/// <summary>`netterm mx --json`: one object, written with Utf8JsonWriter (no reflection, so Native AOT keeps it).
/// Strings are JSON-escaped, so server and DNS text needs no further neutralising here.</summary>
internal static class MxJson
{
    public static string Write(MailHostResolution resolution, IReadOnlyList<MxRow> rows, int port, string[]? connect)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("domain", resolution.Domain);
            json.WriteString("outcome", Name(resolution.Outcome));
            json.WriteString("message", resolution.Message);
            json.WriteString("dnsServer", resolution.Server);
            json.WriteNumber("port", port);
            json.WriteStartArray("hosts");
            foreach (var row in rows)
            {
                WriteRow(json, row);
            }

            json.WriteEndArray();
            if (connect is null)
                json.WriteNull("connect");
            else
                json.WriteString("connect", "netterm " + Core.Text.ShellWords.Join(connect));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteRow(Utf8JsonWriter json, MxRow row)
    {
        json.WriteStartObject();
        if (row.Host.Preference is { } preference)
            json.WriteNumber("preference", preference);
        else
            json.WriteNull("preference");
        json.WriteString("host", row.Host.Host);
        json.WriteStartArray("addresses");
        foreach (var address in row.Host.Addresses)
        {
            json.WriteStringValue(address.ToString());
        }

        json.WriteEndArray();
        if (row.Host.AddressError is { } error)
            json.WriteString("addressError", error);
        if (row.Probe is { } probe)
        {
            json.WriteStartObject("probe");
            json.WriteBoolean("answered", probe.Answered);
            if (probe.Address is { } address)
                json.WriteString("address", address.ToString());
            json.WriteString(probe.Answered ? "banner" : "error", probe.Text);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string Name(MailHostOutcome outcome) => outcome switch
    {
        MailHostOutcome.Mx => "mx",
        MailHostOutcome.AddressFallback => "address-fallback",
        MailHostOutcome.NullMx => "null-mx",
        MailHostOutcome.NoSuchDomain => "no-such-domain",
        MailHostOutcome.NoMailHosts => "no-mail-hosts",
        MailHostOutcome.TimedOut => "timed-out",
        _ => "failed",
    };
}
