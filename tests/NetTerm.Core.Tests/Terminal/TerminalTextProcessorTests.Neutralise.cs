using NetTerm.Core.Terminal;

namespace NetTerm.Core.Tests.Terminal;

public sealed partial class TerminalTextProcessorTests
{
    [Theory]
    [InlineData("\u001b[2J", "\\e[2J")]
    [InlineData("\u001b[H", "\\e[H")]
    [InlineData("\u001b[10;20H", "\\e[10;20H")]
    [InlineData("\u001b[6n", "\\e[6n")]
    [InlineData("\u001b[c", "\\e[c")]
    [InlineData("\u001b[>c", "\\e[>c")]
    [InlineData("\u001b[1;24r", "\\e[1;24r")]
    [InlineData("\u001b[?1049h", "\\e[?1049h")]
    [InlineData("\u001b]0;title\u0007", "\\e]0;title")]
    [InlineData("\u001b]2;title\u001b\\", "\\e]2;title")]
    [InlineData("\u001b]8;;http://x.test/\u001b\\link\u001b]8;;\u001b\\", "\\e]8;;http://x.test/")]
    [InlineData("\u001bP1$qm\u001b\\", "\\eP1$qm")]
    [InlineData("\u001b_apc\u001b\\", "\\e_apc")]
    [InlineData("\u001b^pm\u009c", "\\e^pm")]
    [InlineData("\u001bXsos\u001b\\", "\\eXsos")]
    [InlineData("\u001bc", "\\ec")]
    [InlineData("\u001b7", "\\e7")]
    [InlineData("\u001b(0", "\\e(0")]
    [InlineData("\u009b31mX", "\\u009b")]
    [InlineData("\u009d0;t\u0007", "\\u009d")]
    [InlineData("\u202e", "\\u202e")]
    [InlineData("\u200b", "\\u200b")]
    [InlineData("\u0007", "\\x07")]
    [InlineData("\u000b", "\\x0b")]
    [InlineData("\u000c", "\\x0c")]
    [InlineData("\0", "\\x00")]
    [InlineData("\u007f", "\\x7f")]
    [InlineData("\u001b\u0007", "\\e\\x07")]
    public void Process_DangerousInput_IsShownNeutralisedInEscapedStyle(string input, string shown)
    {
        foreach (var mode in new[] { ChunkMode.Whole, ChunkMode.PerChar })
        {
            var line = Feed("<" + input + ">\n", mode).GetLine(0);

            Assert.StartsWith("<" + shown, line.Text, StringComparison.Ordinal);
            Assert.EndsWith(">", line.Text, StringComparison.Ordinal);
            Assert.Contains(new StyleRun(1, shown.Length, CellStyle.Escaped), line.Runs);
            AssertSafe(line.Text);
        }
    }

    [Fact]
    public void Process_C1Csi_IsNotInterpreted()
    {
        var line = Feed("\u009b31mX\n", ChunkMode.Whole).GetLine(0);

        Assert.Equal("\\u009b31mX", line.Text);
        Assert.Equal([new StyleRun(0, 6, CellStyle.Escaped)], line.Runs); // "31mX" stays uncoloured
    }

    [Fact]
    public void Process_Osc52ClipboardPayload_IsAbbreviated()
    {
        var payload = string.Concat(Enumerable.Repeat("SGVsbG8gd29ybGQ=", 100));

        var line = Feed($"{E}]52;c;{payload}\u0007after\n", ChunkMode.Whole).GetLine(0);

        Assert.Equal("\\e]" + ("52;c;" + payload)[..32] + "\u2026after", line.Text);
    }

    [Fact]
    public void Process_UnterminatedOsc_IsBoundedAndRestShown()
    {
        var scrollback = Feed($"{E}]0;" + new string('t', 10_000) + "\nvisible\n", ChunkMode.Whole);

        var all = string.Concat(Texts(scrollback));
        Assert.StartsWith("\\e]0;ttt", all, StringComparison.Ordinal);
        Assert.Contains("\u2026", all, StringComparison.Ordinal);
        Assert.Equal("visible", scrollback.GetLine(scrollback.Count - 1).Text);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_CsiWithAbsurdParameters_IsBoundedAndNeutralised(ChunkMode mode)
    {
        var scrollback = Feed($"{E}[" + new string('1', 1000) + "mafter\n", mode);

        var line = scrollback.GetLine(0);
        Assert.Equal("\\e[" + new string('1', 32) + "\u2026mafter", line.Text);
        Assert.DoesNotContain(line.Runs, r => r.Style != CellStyle.Escaped);
    }

    [Fact]
    public void Process_EndlessCsiParameters_GiveUpAndShowText()
    {
        var scrollback = Feed($"{E}[" + new string('1', 20_000) + "\n", ChunkMode.Whole);

        Assert.StartsWith("\\e[111", scrollback.GetLine(0).Text, StringComparison.Ordinal);
        Assert.All(Texts(scrollback), t => Assert.True(t.Length <= Scrollback.DefaultMaxLineLength));
        Assert.True(string.Concat(Texts(scrollback)).Count(c => c == '1') > 15_000); // shown, not swallowed
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_SurrogatePairs_PassAndLoneHalvesBecomeReplacement(ChunkMode mode)
    {
        Assert.Equal(["😀 \uFFFDx \uFFFD"], Texts(Feed("😀 \uD83Dx \uDE00\n", mode)));
    }

    [Fact]
    public void Flush_PartialSequence_IsShown()
    {
        var scrollback = new Scrollback();
        var processor = new TerminalTextProcessor(scrollback);

        processor.Process($"x{E}[12", T0);
        Assert.Equal("x", scrollback.GetLine(0).Text);
        processor.Flush();

        Assert.Equal("x\\e[12", scrollback.GetLine(0).Text);
    }

    [Fact]
    public void Process_RandomInputWithEscapeFragments_NeverThrowsAndStoresNoRawControl()
    {
        var random = new Random(20250102);
        string[] fragments = [E, $"{E}[", $"{E}]", $"{E}P", "\u009b", "\u009c", "\u0007", "\r", "\n", "\b", "\t", ";", ":", "38;2;", "?2004h",
            "m", "K", "C", "D", "2J", "\\", "[", "0;", "\u202e", "\u200b", "\ud83d", "\ude00", "abc", " ", "9999999999"];
        var scrollback = new Scrollback(maxLines: 500, maxLineLength: 64);
        var processor = new TerminalTextProcessor(scrollback);

        for (var n = 0; n < 100_000; n++)
        {
            var text = random.Next(3) == 0
                ? EscaperFuzz.RandomText(random)
                : string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => fragments[random.Next(fragments.Length)]));
            var before = scrollback.TotalAppended;
            processor.Process(text, T0);
            if (n % 1000 == 999)
                processor.Flush();

            // Every line added by this call, and the live last line.
            var added = (int)Math.Min(scrollback.TotalAppended - before + 1, scrollback.Count);
            for (var i = scrollback.Count - added; i < scrollback.Count; i++)
                AssertSafe(scrollback.GetLine(i).Text);
        }

        Assert.Equal(500, scrollback.Count);
        for (var i = 0; i < scrollback.Count; i++)
            AssertSafe(scrollback.GetLine(i).Text);
    }

    private static void AssertSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            Assert.False(c < ' ' || c is >= '\u007f' and <= '\u009f', $"raw control U+{(int)c:X4} in \"{text}\"");
            Assert.False(c is '\u202e' or '\u200b' or '\u2066' or '\ufeff' or '\u00ad', $"invisible U+{(int)c:X4} in \"{text}\"");
            if (char.IsHighSurrogate(c))
                Assert.True(i + 1 < text.Length && char.IsLowSurrogate(text[++i]), $"lone surrogate in \"{text}\"");
            else
                Assert.False(char.IsLowSurrogate(c), $"lone surrogate in \"{text}\"");
        }
    }
}
