namespace NetTerm.Core.Terminal;

/// <summary>
/// Formats a <see cref="RawByteLog"/> as <c>hexdump -C</c> rows tagged with their direction, one row at a time,
/// so the hex view materialises only what is visible:
/// <code>&lt;- 00000000  32 32 30 20 72 65 61 64  79 0d 0a                 |220 ready..|</code>
/// A row holds up to 16 bytes of one direction; a change of direction starts a new row. The offset column counts
/// each direction's bytes separately (what the peer sent, what we sent). Rows are numbered from the oldest held
/// byte, so evicting old chunks renumbers them: re-read <see cref="RowCount"/> when <see cref="RawByteLog.Version"/>
/// changes.
/// </summary>
public sealed class HexDumpFormatter
{
    /// <summary>The width of a full row.</summary>
    public const int RowWidth = 3 + 8 + 2 + HexWidth + 2 + HexSegment.BytesPerRow + 1;

    private const int HexWidth = (HexSegment.BytesPerRow * 3) + 1;
    private const string Hex = "0123456789abcdef";

    private readonly RawByteLog _log;

    public HexDumpFormatter(RawByteLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
    }

    public int RowCount
    {
        get
        {
            lock (_log.SyncRoot)
            {
                var segments = _log.Segments;
                if (segments.Count == 0)
                    return 0;
                long rows = segments.First.Rows;
                if (segments.Count > 1)
                    rows += segments.Last.RowStart + segments.Last.Rows - segments[1].RowStart;
                return (int)rows;
            }
        }
    }

    public ByteDirection GetRowDirection(int row)
    {
        lock (_log.SyncRoot)
        {
            return Locate(row).Segment.Direction;
        }
    }

    /// <summary>Row <paramref name="row"/> (0 = oldest), e.g. <c>-&gt; 00000010  45 48 4c 4f …  |EHLO …|</c>.</summary>
    public string FormatRow(int row)
    {
        lock (_log.SyncRoot)
        {
            return FormatRowLocked(row);
        }
    }

    private string FormatRowLocked(int row)
    {
        var (segment, rowInSegment) = Locate(row);
        var offset = rowInSegment * HexSegment.BytesPerRow;
        var count = Math.Min(HexSegment.BytesPerRow, segment.Length - offset);
        Span<byte> bytes = stackalloc byte[HexSegment.BytesPerRow];
        _log.CopyBytes(segment.Start + offset, bytes[..count]);

        var directionOffset = segment.DirectionOffset + offset;
        var offsetDigits = (int)Math.Max(8, (64 - long.LeadingZeroCount(directionOffset) + 3) / 4);
        Span<char> line = stackalloc char[RowWidth + 8];
        var n = 0;
        line[n++] = segment.Direction == ByteDirection.In ? '<' : '-';
        line[n++] = segment.Direction == ByteDirection.In ? '-' : '>';
        line[n++] = ' ';
        for (var shift = (offsetDigits - 1) * 4; shift >= 0; shift -= 4)
            line[n++] = Hex[(int)((directionOffset >> shift) & 0xF)];
        line[n++] = ' ';
        line[n++] = ' ';
        for (var i = 0; i < HexSegment.BytesPerRow; i++)
        {
            if (i == 8)
                line[n++] = ' ';
            line[n++] = i < count ? Hex[bytes[i] >> 4] : ' ';
            line[n++] = i < count ? Hex[bytes[i] & 0xF] : ' ';
            line[n++] = ' ';
        }

        line[n++] = ' ';
        line[n++] = '|';
        foreach (var b in bytes[..count])
            line[n++] = b is >= 0x20 and < 0x7F ? (char)b : '.';
        line[n++] = '|';
        return new string(line[..n]);
    }

    private (HexSegment Segment, int Row) Locate(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        var segments = _log.Segments;
        var first = segments.First;
        if (row < first.Rows)
            return (first, row);

        // Binary search the later segments by their row numbers.
        var target = row - first.Rows + segments[1].RowStart;
        int lo = 1, hi = segments.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (segments[mid].RowStart <= target)
                lo = mid;
            else
                hi = mid - 1;
        }

        return (segments[lo], (int)(target - segments[lo].RowStart));
    }
}
