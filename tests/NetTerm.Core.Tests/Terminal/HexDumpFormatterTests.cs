using System.Text;
using NetTerm.Core.Terminal;

namespace NetTerm.Core.Tests.Terminal;

public sealed class HexDumpFormatterTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 13, 17, 36, TimeSpan.Zero);

    [Fact]
    public void FormatRow_ShortInboundRow_MatchesHexdumpLayout()
    {
        var log = new RawByteLog();
        log.Append(ByteDirection.In, "220 ready\r\n"u8, T0);
        var formatter = new HexDumpFormatter(log);

        Assert.Equal(1, formatter.RowCount);
        Assert.Equal("<- 00000000  32 32 30 20 72 65 61 64  79 0d 0a                 |220 ready..|", formatter.FormatRow(0));
    }

    [Fact]
    public void FormatRow_DirectionsInterleaved_RowsBreakAtDirectionAndOffsetsArePerDirection()
    {
        var log = new RawByteLog();
        log.Append(ByteDirection.In, "220 ready\r\n"u8, T0);
        log.Append(ByteDirection.Out, "EHLO client.example\r\n"u8, T0);
        log.Append(ByteDirection.In, "250 "u8, T0);
        log.Append(ByteDirection.In, "ok\r\n"u8, T0);
        var formatter = new HexDumpFormatter(log);

        Assert.Equal(4, formatter.RowCount);
        Assert.Equal("-> 00000000  45 48 4c 4f 20 63 6c 69  65 6e 74 2e 65 78 61 6d  |EHLO client.exam|", formatter.FormatRow(1));
        Assert.Equal("-> 00000010  70 6c 65 0d 0a                                    |ple..|", formatter.FormatRow(2));
        Assert.Equal("<- 0000000b  32 35 30 20 6f 6b 0d 0a                           |250 ok..|", formatter.FormatRow(3));
        Assert.Equal(ByteDirection.Out, formatter.GetRowDirection(2));
        Assert.Equal(HexDumpFormatter.RowWidth, formatter.FormatRow(1).Length);
    }

    [Fact]
    public void Append_BeyondMaxBytes_EvictsOldestChunksAndKeepsOffsets()
    {
        var log = new RawByteLog(maxBytes: 1024);
        var chunk = new byte[100];
        for (var i = 0; i < 50; i++)
        {
            Array.Fill(chunk, (byte)('A' + (i % 26)));
            log.Append(i % 2 == 0 ? ByteDirection.In : ByteDirection.Out, chunk, T0.AddSeconds(i));
        }

        var formatter = new HexDumpFormatter(log);
        Assert.Equal(1000, log.Count);
        Assert.Equal(10, log.ChunkCount);
        Assert.Equal(2500, log.TotalIn);
        Assert.Equal(2500, log.TotalOut);
        var first = log.GetChunk(0);
        Assert.Equal(ByteDirection.In, first.Direction);
        Assert.Equal(T0.AddSeconds(40), first.Timestamp);
        Assert.All(first.Bytes.ToArray(), b => Assert.Equal((byte)('A' + 14), b));
        Assert.Equal(10 * 7, formatter.RowCount); // each 100-byte chunk is its own direction run: 7 rows
        Assert.StartsWith("<- 000007d0  4f 4f", formatter.FormatRow(0), StringComparison.Ordinal); // 20 inbound chunks evicted = 2000
        Assert.Equal("-> 000009c0  58 58 58 58" + new string(' ', 39) + "|XXXX|", formatter.FormatRow(69));
    }

    [Fact]
    public void Append_ManySmallSameDirectionChunks_ShareRows()
    {
        var log = new RawByteLog();
        foreach (var b in Encoding.ASCII.GetBytes("abcdefghijklmnopqrstuvwxyz"))
            log.Append(ByteDirection.Out, [b], T0);

        var formatter = new HexDumpFormatter(log);

        Assert.Equal(26, log.ChunkCount);
        Assert.Equal(2, formatter.RowCount);
        Assert.EndsWith("|abcdefghijklmnop|", formatter.FormatRow(0), StringComparison.Ordinal);
        Assert.EndsWith("|qrstuvwxyz|", formatter.FormatRow(1), StringComparison.Ordinal);
    }

    [Fact]
    public void Append_SixteenMegabytesThroughLog_StaysBoundedAndRowsResolve()
    {
        var log = new RawByteLog(maxBytes: 1 << 20);
        var chunk = new byte[4000];
        new Random(7).NextBytes(chunk);
        for (var i = 0; i < 4200; i++)
            log.Append(i % 3 == 0 ? ByteDirection.Out : ByteDirection.In, chunk, T0);

        var formatter = new HexDumpFormatter(log);
        Assert.True(log.Count <= 1 << 20);
        var rows = formatter.RowCount;
        Assert.InRange(rows, (1 << 20) / 16 - 1000, (1 << 20) / 16 + 1000);
        var last = formatter.FormatRow(rows - 1);
        Assert.EndsWith("|", last, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => formatter.FormatRow(rows));
    }
}
