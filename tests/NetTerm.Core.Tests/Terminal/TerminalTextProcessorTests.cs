using NetTerm.Core.Terminal;

namespace NetTerm.Core.Tests.Terminal;

public sealed partial class TerminalTextProcessorTests
{
    private const string E = "\u001b";
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 13, 17, 36, TimeSpan.Zero);

    public static TheoryData<ChunkMode> Modes => new() { ChunkMode.Whole, ChunkMode.PerLine, ChunkMode.PerChar };

    [Theory, MemberData(nameof(Modes))]
    public void Process_LfAndCrLf_OneLinePerLineFeed(ChunkMode mode)
    {
        var lines = Texts(Feed("220 ready\r\n250-first\n250 last\r\n", mode));

        Assert.Equal(["220 ready", "250-first", "250 last"], lines);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_PromptWithoutNewline_IsVisibleAndThenCompleted(ChunkMode mode)
    {
        var scrollback = new Scrollback();
        var processor = new TerminalTextProcessor(scrollback);

        Process(processor, "Welcome\r\nlogin: ", mode);
        Assert.Equal(["Welcome", "login: "], Texts(scrollback));

        Process(processor, "admin\r\n", mode);
        Assert.Equal(["Welcome", "login: admin"], Texts(scrollback));
    }

    [Fact]
    public void Process_LineAppendedAfterLivePrompt_ContinuesBelowWithoutEmptyLine()
    {
        var scrollback = new Scrollback();
        var processor = new TerminalTextProcessor(scrollback);

        processor.Process("login: ", T0);
        scrollback.Append(LineKind.Sent, "admin", [], T0);
        processor.Process("\r\nPassword: ", T0);

        Assert.Equal(["login: ", "admin", "Password: "], Texts(scrollback));
        Assert.Equal(LineKind.Sent, scrollback.GetKind(1));
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_Backspace_OverwritesPreviousCharacter(ChunkMode mode)
    {
        Assert.Equal(["aXc", "a "], Texts(Feed("abc\b\bX\nab\b \b\n", mode)));
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_CarriageReturn_OverwritesFromColumnZero(ChunkMode mode)
    {
        Assert.Equal(["progress 20%", "XYcdef"], Texts(Feed("progress 10%\rprogress 20%\r\nabcdef\rXY\n", mode)));
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_EraseInLine_ErasesTheRightPart(ChunkMode mode)
    {
        var lines = Texts(Feed($"abcdef\b\b{E}[K\nabcdef\b\b{E}[0K\nabcdef\b\b{E}[1K\nabc{E}[2Kx\nabc\r{E}[K\n", mode));

        Assert.Equal(["abcd", "abcd", "     f", "   x", ""], lines);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_CursorLeftRight_MovesWithinLine(ChunkMode mode)
    {
        Assert.Equal(["axc    y", "Xbc"], Texts(Feed($"abc{E}[2Dx{E}[5Cy\nabc{E}[99999999999999DX\n", mode)));
    }

    [Fact]
    public void Process_CursorRightBeyondCap_StaysOnLastColumn()
    {
        var scrollback = Feed($"a{E}[9999Cz\n", ChunkMode.Whole, maxLineLength: 16);

        Assert.Equal(["a" + new string(' ', 14) + "z"], Texts(scrollback));
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_Tab_ExpandsToNextMultipleOfEight(ChunkMode mode)
    {
        Assert.Equal(["a       b", "12345678        x"], Texts(Feed("a\tb\n12345678\tx\n", mode)));
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_LineLongerThanCap_ContinuesOnNextLines(ChunkMode mode)
    {
        var lines = Texts(Feed(new string('a', 16) + new string('b', 16) + "cc\n", mode, maxLineLength: 16));

        Assert.Equal([new string('a', 16), new string('b', 16), "cc"], lines);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_Sgr16Colours_BecomeRuns(ChunkMode mode)
    {
        var line = Feed($"{E}[31mred{E}[0m plain {E}[1;94;42mbb{E}[m\n", mode).GetLine(0);

        Assert.Equal("red plain bb", line.Text);
        Assert.Equal(
            [
                new StyleRun(0, 3, new CellStyle(TermColor.FromAnsi(1), default, StyleFlags.None)),
                new StyleRun(10, 2, new CellStyle(TermColor.FromAnsi(12), TermColor.FromAnsi(2), StyleFlags.Bold)),
            ],
            line.Runs);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_Sgr256AndTruecolor_SemicolonAndColonForms(ChunkMode mode)
    {
        var line = Feed($"{E}[38;5;208ma{E}[48;2;1;2;3mb{E}[38:2::10:20:30mc{E}[48:5:17md{E}[38:2:7:8:9me\n", mode).GetLine(0);

        var c208 = TermColor.FromPalette(208);
        var rgb = TermColor.FromRgb(1, 2, 3);
        Assert.Equal(
            [
                new StyleRun(0, 1, new CellStyle(c208, default, StyleFlags.None)),
                new StyleRun(1, 1, new CellStyle(c208, rgb, StyleFlags.None)),
                new StyleRun(2, 1, new CellStyle(TermColor.FromRgb(10, 20, 30), rgb, StyleFlags.None)),
                new StyleRun(3, 1, new CellStyle(TermColor.FromRgb(10, 20, 30), TermColor.FromPalette(17), StyleFlags.None)),
                new StyleRun(4, 1, new CellStyle(TermColor.FromRgb(7, 8, 9), TermColor.FromPalette(17), StyleFlags.None)),
            ],
            line.Runs);
    }

    [Fact]
    public void Process_SgrAttributesAndTheirResets_TrackFlags()
    {
        var scrollback = new Scrollback();
        var processor = new TerminalTextProcessor(scrollback);

        processor.Process($"{E}[1;2;3;4;5;7;9;33;44m", T0);
        Assert.Equal(new CellStyle(TermColor.FromAnsi(3), TermColor.FromAnsi(4), StyleFlags.Bold | StyleFlags.Dim | StyleFlags.Italic
            | StyleFlags.Underline | StyleFlags.Blink | StyleFlags.Inverse | StyleFlags.Strikethrough), processor.CurrentStyle);

        processor.Process($"{E}[22;23;24m", T0);
        Assert.Equal(StyleFlags.Blink | StyleFlags.Inverse | StyleFlags.Strikethrough, processor.CurrentStyle.Flags);

        processor.Process($"{E}[25;27;29;39m", T0);
        Assert.Equal(new CellStyle(default, TermColor.FromAnsi(4), StyleFlags.None), processor.CurrentStyle);

        processor.Process($"{E}[49;8m", T0); // conceal is ignored: text must stay visible
        Assert.True(processor.CurrentStyle.IsDefault);
    }

    [Fact]
    public void Process_SgrWithOutOfRangeColour_LeavesColourUnchanged()
    {
        var scrollback = new Scrollback();
        var processor = new TerminalTextProcessor(scrollback);

        processor.Process($"{E}[32m{E}[38;5;300m{E}[38;2;1;2;999m{E}[38;5m", T0);

        Assert.Equal(TermColor.FromAnsi(2), processor.CurrentStyle.Foreground);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Process_HarmlessModeSwitches_AreDroppedSilently(ChunkMode mode)
    {
        var scrollback = Feed($"{E}[?2004h{E}[?25l{E}[?1h{E}={E}[=5h{E}[?1l{E}>{E}[?25;2004l{E}[>4;1m{E}[2 q{E}(Bok\n", mode);

        var line = scrollback.GetLine(0);
        Assert.Equal("ok", line.Text);
        Assert.Empty(line.Runs);
    }

    [Fact]
    public void Process_WithTimestamp_StampsNewLines()
    {
        var scrollback = new Scrollback();
        var processor = new TerminalTextProcessor(scrollback);

        processor.Process("a\n", T0);
        processor.Process("b", T0.AddSeconds(1));
        processor.Process("c\n", T0.AddSeconds(2));

        Assert.Equal(T0, scrollback.GetTimestamp(0));
        Assert.Equal(T0.AddSeconds(1), scrollback.GetTimestamp(1)); // when the line first appeared
        Assert.Equal("bc", scrollback.GetLine(1).Text);
    }

    private static Scrollback Feed(string input, ChunkMode mode, int maxLineLength = Scrollback.DefaultMaxLineLength)
    {
        var scrollback = new Scrollback(maxLineLength: maxLineLength);
        Process(new TerminalTextProcessor(scrollback), input, mode);
        return scrollback;
    }

    private static void Process(TerminalTextProcessor processor, string input, ChunkMode mode)
    {
        foreach (var chunk in TextChunks.Split(input, mode))
            processor.Process(chunk, T0);
    }

    private static string[] Texts(Scrollback scrollback) =>
        Enumerable.Range(0, scrollback.Count).Select(i => scrollback.GetLine(i).Text).ToArray();
}
