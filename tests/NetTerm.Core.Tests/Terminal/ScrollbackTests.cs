using NetTerm.Core.Terminal;

namespace NetTerm.Core.Tests.Terminal;

public sealed class ScrollbackTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 13, 17, 36, 123, TimeSpan.FromHours(2));
    private static readonly CellStyle Red = new(TermColor.FromAnsi(1), TermColor.Default, StyleFlags.None);
    private static readonly CellStyle Bold = new(TermColor.Default, TermColor.Default, StyleFlags.Bold);

    [Fact]
    public void Append_LineWithRuns_RoundTripsKindTextRunsAndTimestamp()
    {
        var scrollback = new Scrollback();

        scrollback.Append(LineKind.Received, "héllo wörld 😀", [new StyleRun(0, 5, Red), new StyleRun(6, 5, Bold)], T0);

        var line = scrollback.GetLine(0);
        Assert.Equal(LineKind.Received, line.Kind);
        Assert.Equal("héllo wörld 😀", line.Text);
        Assert.Equal([new StyleRun(0, 5, Red), new StyleRun(6, 5, Bold)], line.Runs);
        Assert.Equal(T0, line.Timestamp);
        Assert.Equal(T0.Offset, line.Timestamp.Offset);
    }

    [Fact]
    public void Append_AdjacentRunsWithSameStyleAndDefaultRuns_AreMergedAndDropped()
    {
        var scrollback = new Scrollback();

        scrollback.Append(LineKind.Received, "abcdefgh", [new StyleRun(0, 2, Red), new StyleRun(2, 2, Red), new StyleRun(4, 2, default)], T0);

        Assert.Equal([new StyleRun(0, 4, Red)], scrollback.GetLine(0).Runs);
    }

    [Fact]
    public void Append_OverlappingRuns_Throws()
    {
        var scrollback = new Scrollback();

        Assert.Throws<ArgumentException>(() => scrollback.Append(LineKind.Received, "abcdef", [new StyleRun(0, 3, Red), new StyleRun(2, 2, Bold)], T0));
        Assert.Throws<ArgumentException>(() => scrollback.Append(LineKind.Received, "abc", [new StyleRun(1, 3, Red)], T0));
    }

    [Fact]
    public void Append_BeyondMaxLines_EvictsOldestAndCountsTotal()
    {
        var scrollback = new Scrollback(maxLines: 3);

        for (var i = 0; i < 5; i++)
            scrollback.Append(LineKind.Sent, $"line {i}", [], T0);

        Assert.Equal(3, scrollback.Count);
        Assert.Equal(5, scrollback.TotalAppended);
        Assert.Equal(2, scrollback.FirstLineNumber);
        Assert.Equal("line 2", scrollback.GetLine(0).Text);
        Assert.Equal("line 4", scrollback.GetLine(2).Text);
    }

    [Fact]
    public void Append_LineLongerThanMaxLineLength_IsSplitNotDropped()
    {
        var scrollback = new Scrollback(maxLineLength: 16);
        var text = new string('a', 10) + new string('b', 30);

        scrollback.Append(LineKind.Received, text, [new StyleRun(8, 12, Red)], T0);

        Assert.Equal(3, scrollback.Count);
        Assert.Equal(text, scrollback.GetLine(0).Text + scrollback.GetLine(1).Text + scrollback.GetLine(2).Text);
        Assert.Equal([new StyleRun(8, 8, Red)], scrollback.GetLine(0).Runs);
        Assert.Equal([new StyleRun(0, 4, Red)], scrollback.GetLine(1).Runs);
        Assert.Empty(scrollback.GetLine(2).Runs);
    }

    [Fact]
    public void Append_SplitAtSurrogatePair_KeepsPairTogether()
    {
        var scrollback = new Scrollback(maxLineLength: 16);
        var text = new string('a', 15) + "😀" + "z";

        scrollback.Append(LineKind.Received, text, [], T0);

        Assert.Equal(new string('a', 15), scrollback.GetLine(0).Text);
        Assert.Equal("😀z", scrollback.GetLine(1).Text);
    }

    [Fact]
    public void ReplaceLast_GrowingLine_KeepsKindAndTimestampAndEarlierLines()
    {
        var scrollback = new Scrollback();
        scrollback.Append(LineKind.System, "first", [], T0);
        scrollback.Append(LineKind.Received, "log", [], T0);
        var version = scrollback.Version;

        for (var i = 0; i < 200; i++)
            scrollback.ReplaceLast("login: " + new string('x', i * 300 % 4000), [new StyleRun(0, 5, Bold)]);

        Assert.True(scrollback.Version > version);
        Assert.Equal(2, scrollback.Count);
        Assert.Equal("first", scrollback.GetLine(0).Text);
        var last = scrollback.GetLine(1);
        Assert.Equal(LineKind.Received, last.Kind);
        Assert.Equal(T0, last.Timestamp);
        Assert.Equal("login: " + new string('x', 199 * 300 % 4000), last.Text);
        Assert.Equal([new StyleRun(0, 5, Bold)], last.Runs);
    }

    [Fact]
    public void ReplaceLast_Empty_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new Scrollback().ReplaceLast("x", []));
    }

    [Fact]
    public void Clear_RemovesLinesButTotalKeepsCounting()
    {
        var scrollback = new Scrollback();
        scrollback.Append(LineKind.Received, "a", [], T0);
        scrollback.Append(LineKind.Received, "b", [], T0);

        scrollback.Clear();
        scrollback.Append(LineKind.Received, "c", [], T0);

        Assert.Equal(1, scrollback.Count);
        Assert.Equal(3, scrollback.TotalAppended);
        Assert.Equal("c", scrollback.GetLine(0).Text);
    }

    [Fact]
    public void Append_ManyLinesThroughSmallRing_ReusesBlocksAndKeepsContent()
    {
        var scrollback = new Scrollback(maxLines: 1000);

        for (var i = 0; i < 50_000; i++)
            scrollback.Append(LineKind.Received, $"line {i:D6} " + new string('.', i % 200), i % 3 == 0 ? [new StyleRun(0, 4, Red)] : [], T0);

        for (var k = 0; k < 1000; k++)
        {
            var i = 49_000 + k;
            var line = scrollback.GetLine(k);
            Assert.Equal($"line {i:D6} " + new string('.', i % 200), line.Text);
            Assert.Equal(i % 3 == 0 ? 1 : 0, line.Runs.Count);
        }
    }

    [Theory]
    [InlineData("needle", 0, true, false, 2)]
    [InlineData("needle", 3, true, false, 4)]
    [InlineData("NEEDLE", 0, true, false, -1)]
    [InlineData("NEEDLE", 0, true, true, 2)]
    [InlineData("needle", 5, false, false, 4)]
    [InlineData("needle", 3, false, false, 2)]
    [InlineData("needle", 1, false, false, -1)]
    [InlineData("secret", 0, true, false, -1)]
    [InlineData("needle", 99, true, false, -1)]
    [InlineData("needle", 99, false, false, 4)]
    public void FindNext_Query_FindsExpectedLine(string query, int from, bool forward, bool ignoreCase, int expected)
    {
        var scrollback = new Scrollback();
        scrollback.Append(LineKind.Received, "hay", [], T0);
        scrollback.Append(LineKind.Received, "hay", [], T0);
        scrollback.Append(LineKind.Received, "a Needle, a needle", [], T0);
        scrollback.Append(LineKind.Hidden, "secret", [], T0);
        scrollback.Append(LineKind.Received, "ünïcode needle", [], T0);

        Assert.Equal(expected, scrollback.FindNext(query, from, forward, ignoreCase));
    }
}
