using System.Buffers.Binary;
using System.Text;

namespace NetTerm.Testing.Dns;

/// <summary>Just enough of the DNS wire format (RFC 1035 §4) for <see cref="DnsTestServer"/>: read one question,
/// write a response with uncompressed names. EDNS and other additional records in the query are ignored.</summary>
public static class DnsWire
{
    public const ushort TypeA = 1;
    public const ushort TypeMx = 15;
    public const ushort TypeAaaa = 28;

    /// <summary>The query's id, flags, name (lower case, no trailing dot) and type; false when it is not a
    /// one-question query we can read.</summary>
    public static bool TryReadQuestion(ReadOnlySpan<byte> query, out ushort id, out ushort flags, out string name, out ushort type, out int questionEnd)
    {
        id = flags = type = 0;
        name = string.Empty;
        questionEnd = 0;
        if (query.Length < 12 || BinaryPrimitives.ReadUInt16BigEndian(query[4..]) != 1)
            return false;
        id = BinaryPrimitives.ReadUInt16BigEndian(query);
        flags = BinaryPrimitives.ReadUInt16BigEndian(query[2..]);
        var labels = new List<string>();
        var at = 12;
        while (at < query.Length && query[at] != 0)
        {
            int length = query[at];
            if (length > 63 || at + 1 + length > query.Length)
                return false;
            labels.Add(Encoding.ASCII.GetString(query.Slice(at + 1, length)));
            at += 1 + length;
        }

        if (at + 5 > query.Length)
            return false;
        name = Normalize(string.Join('.', labels));
        type = BinaryPrimitives.ReadUInt16BigEndian(query[(at + 1)..]);
        questionEnd = at + 5;
        return true;
    }

    public static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();

    /// <summary>A response to <paramref name="query"/>: its question echoed, then <paramref name="answers"/>.</summary>
    public static byte[] Response(ReadOnlySpan<byte> query, int questionEnd, int rcode, bool truncated, IReadOnlyList<DnsTestRecord> answers)
    {
        var output = new List<byte>(512);
        var queryFlags = BinaryPrimitives.ReadUInt16BigEndian(query[2..]);
        var flags = 0x8000 | (queryFlags & 0x7800) | 0x0400 | (queryFlags & 0x0100) | 0x0080 | (rcode & 0xF);
        if (truncated)
            flags |= 0x0200;
        AddUInt16(output, BinaryPrimitives.ReadUInt16BigEndian(query));
        AddUInt16(output, (ushort)flags);
        AddUInt16(output, 1);
        AddUInt16(output, (ushort)answers.Count);
        AddUInt16(output, 0);
        AddUInt16(output, 0);
        output.AddRange(query[12..questionEnd]);
        foreach (var record in answers)
        {
            AddName(output, record.Name);
            AddUInt16(output, record.Type);
            AddUInt16(output, 1);
            output.AddRange([0, 0, 0x0E, 0x10]); // TTL 3600
            AddUInt16(output, (ushort)record.Data.Length);
            output.AddRange(record.Data);
        }

        return [.. output];
    }

    public static byte[] MxData(ushort preference, string exchange)
    {
        var data = new List<byte>();
        AddUInt16(data, preference);
        AddName(data, exchange);
        return [.. data];
    }

    private static void AddName(List<byte> output, string name)
    {
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            output.Add((byte)label.Length);
            output.AddRange(Encoding.ASCII.GetBytes(label));
        }

        output.Add(0);
    }

    private static void AddUInt16(List<byte> output, ushort value)
    {
        output.Add((byte)(value >> 8));
        output.Add((byte)value);
    }
}
