using NetTerm.Core.Terminal;

namespace NetTerm.Core.Tests.Terminal;

public sealed class ScrollbackEntryTests
{
    [Fact]
    public void Entry_Is16Bytes()
    {
        Assert.Equal(16, System.Runtime.CompilerServices.Unsafe.SizeOf<ScrollbackEntry>());
    }

    [Fact]
    public void Ctor_EveryKindAndLimits_RoundTrip()
    {
        foreach (var kind in Enum.GetValues<LineKind>())
        {
            var entry = new ScrollbackEntry(DateTimeOffset.UtcNow.UtcTicks, 70_000, ushort.MaxValue, ushort.MaxValue, 16_384, kind);

            Assert.Equal(kind, entry.Kind);
            Assert.Equal((ushort)(70_000 & 0xFFFF), entry.BlockLow);
            Assert.Equal(ushort.MaxValue, entry.Offset);
            Assert.Equal(ushort.MaxValue, entry.TextBytes);
            Assert.Equal(16_384, entry.RunCount);
        }
    }

    [Fact]
    public void Ctor_TimestampBeyondTheYear7307_IsClamped()
    {
        var entry = new ScrollbackEntry(DateTimeOffset.MaxValue.UtcTicks, 0, 0, 0, 0, LineKind.Error);

        Assert.Equal(ScrollbackEntry.MaxTicks, entry.UtcTicks);
        Assert.Equal(LineKind.Error, entry.Kind);
    }
}

public sealed class ScrollbackCompactionTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 13, 17, 36, 123, TimeSpan.FromHours(2));

    [Fact]
    public void Append_BlockNumbersCrossA16BitWrap_LinesStillDecode()
    {
        // 16,000-character lines: four fill a 64 KiB block, so 40 lines take 10 blocks, numbered across 65,536.
        var scrollback = new Scrollback(maxLines: 3, maxLineLength: 16_384) { StartBlockNumber = 65_530 };
        var text = new string('x', 16_000);

        for (var i = 0; i < 40; i++)
            scrollback.Append(LineKind.Received, i + text, [], T0.AddTicks(i));

        Assert.Equal(3, scrollback.Count);
        for (var i = 0; i < 3; i++)
        {
            var line = scrollback.GetLine(i);
            Assert.Equal((37 + i) + text, line.Text);
            Assert.Equal(T0.AddTicks(37 + i), line.Timestamp);
        }
    }

    [Fact]
    public void Append_OffsetChangesAndEviction_EachLineKeepsItsOwnOffset()
    {
        var scrollback = new Scrollback(maxLines: 100);
        var stamps = new List<DateTimeOffset>();
        for (var i = 0; i < 250; i++)
        {
            // The offset changes every 7 lines, and on some lines twice in a row.
            var offset = TimeSpan.FromMinutes(((i / 7) % 5 * 60) - 120 + (i % 11 == 0 ? 30 : 0));
            var stamp = new DateTimeOffset(T0.UtcDateTime.AddSeconds(i).Ticks + offset.Ticks, offset);
            stamps.Add(stamp);
            scrollback.Append(LineKind.Received, "line " + i, [], stamp);
        }

        Assert.Equal(100, scrollback.Count);
        for (var i = 0; i < 100; i++)
        {
            var expected = stamps[150 + i];
            Assert.Equal(expected, scrollback.GetTimestamp(i));
            Assert.Equal(expected.Offset, scrollback.GetLine(i).Timestamp.Offset);
        }
    }

    [Fact]
    public void ReplaceLast_AfterOffsetChange_KeepsTheLastLinesOffset()
    {
        var scrollback = new Scrollback();
        var plusOne = new DateTimeOffset(2025, 1, 2, 10, 0, 0, TimeSpan.FromHours(1));
        var minusFive = new DateTimeOffset(2025, 1, 2, 10, 0, 1, TimeSpan.FromHours(-5));
        scrollback.Append(LineKind.Received, "first", [], plusOne);
        scrollback.Append(LineKind.Received, "second", [], minusFive);

        scrollback.ReplaceLast("second, longer", []);

        Assert.Equal(plusOne, scrollback.GetLine(0).Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), scrollback.GetLine(0).Timestamp.Offset);
        Assert.Equal(minusFive, scrollback.GetLine(1).Timestamp);
        Assert.Equal(TimeSpan.FromHours(-5), scrollback.GetLine(1).Timestamp.Offset);
    }

    [Fact]
    public void Append_EmptyLineAfterAFullBlock_ThenReplaceLast_DoesNotOverwriteEarlierLines()
    {
        // 65,536 bytes exactly fill the first block: the empty line after them must not be placed at offset 65,536.
        var scrollback = new Scrollback(maxLines: 100, maxLineLength: 16_384);
        var piece = new string('a', 16_384);
        for (var i = 0; i < 4; i++)
            scrollback.Append(LineKind.Received, piece, [], T0);
        scrollback.Append(LineKind.Received, string.Empty, [], T0);

        scrollback.ReplaceLast("now with text", []);

        for (var i = 0; i < 4; i++)
            Assert.Equal(piece, scrollback.GetLine(i).Text);
        Assert.Equal("now with text", scrollback.GetLine(4).Text);
    }
}
