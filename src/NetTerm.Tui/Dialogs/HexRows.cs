using System.Globalization;
using System.Text;

namespace NetTerm.Tui.Dialogs;

/// <summary>
/// Byte-exact hex rows for the F2 view, direction-tagged: <c>&lt;&lt; 0000  48 65 6c 6c 6f …  |Hello|</c> for received,
/// <c>&gt;&gt;</c> for sent. Offsets count within each chunk. TEMPORARY until feat/view's hex row formatter lands.
/// </summary>
internal static class HexRows
{
    public const int BytesPerRow = 16;

    public static List<string> Format(IEnumerable<TrafficChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var rows = new List<string>();
        var line = new StringBuilder(80);
        foreach (var chunk in chunks)
        {
            rows.Add($"{(chunk.Outbound ? ">>" : "<<")} {chunk.At.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)}  {chunk.Data.Length} bytes {(chunk.Outbound ? "sent" : "received")}");
            for (var offset = 0; offset < chunk.Data.Length; offset += BytesPerRow)
            {
                var row = chunk.Data.AsSpan(offset, Math.Min(BytesPerRow, chunk.Data.Length - offset));
                line.Clear().Append(chunk.Outbound ? ">> " : "<< ").Append(offset.ToString("x4", CultureInfo.InvariantCulture)).Append("  ");
                for (var i = 0; i < BytesPerRow; i++)
                {
                    line.Append(i < row.Length ? row[i].ToString("x2", CultureInfo.InvariantCulture) : "  ").Append(i == 7 ? "  " : " ");
                }

                line.Append(" |");
                foreach (var b in row)
                {
                    line.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
                }

                rows.Add(line.Append('|').ToString());
            }
        }

        return rows;
    }
}
