using NetTerm.Tui.Views;

namespace NetTerm.Tui.Tests.Views;

public class LineWrapperTests
{
    private static List<string> Rows(string text, int first, int rest)
    {
        var ranges = new List<Range>();
        var count = LineWrapper.Split(text, first, rest, ranges);
        Assert.Equal(count, ranges.Count);
        Assert.Equal(count, LineWrapper.Split(text, first, rest, null));
        return [.. ranges.Select(r => text[r])];
    }

    [Fact]
    public void Split_AsciiWithHangingIndent_FirstRowWiderThanTheRest()
    {
        Assert.Equal(["abcdef", "ghij", "klmn", "op"], Rows("abcdefghijklmnop", 6, 4));
    }

    [Fact]
    public void Split_Words_BreaksAfterTheLastSpaceThatFits()
    {
        Assert.Equal(["the quick ", "brown fox ", "jumps"], Rows("the quick brown fox jumps", 10, 10));
        Assert.Equal(["# one two ", "three ", "four"], Rows("# one two three four", 10, 6));
    }

    [Fact]
    public void Split_WordLongerThanARow_CutHard()
    {
        Assert.Equal(["a ", "bcdefghijk", "lmn"], Rows("a bcdefghijklmn", 10, 10));
    }

    [Fact]
    public void Split_EmptyAndExactFit_OneRow()
    {
        Assert.Equal([string.Empty], Rows(string.Empty, 10, 10));
        Assert.Equal(["0123456789"], Rows("0123456789", 10, 10));
    }

    [Fact]
    public void Split_WideCharacterAtTheEdge_MovesWholeToTheNextRow()
    {
        // Five columns: "ab" + two 2-column ideographs = 6 columns, so the second ideograph starts row two.
        Assert.Equal(["ab日", "本c"], Rows("ab日本c", 5, 5));
    }

    [Fact]
    public void Split_SurrogatePair_NeverCut()
    {
        var rows = Rows("a😀b😀c", 3, 3);

        Assert.All(rows, r => Assert.False(char.IsHighSurrogate(r[^1]), $"row ends inside a pair: {r}"));
        Assert.Equal("a😀b😀c", string.Concat(rows));
    }

    [Fact]
    public void Split_WidthBelowOne_StillProgresses()
    {
        Assert.Equal(["a", "b", "c"], Rows("abc", 0, -3));
    }
}
