using NetTerm.Core.Terminal;

namespace NetTerm.Core.Tests.Terminal;

/// <summary>Whole plain lines skip the line buffer; the result must be what the buffered path gives, which
/// one-character chunks always take.</summary>
public sealed class TerminalTextProcessorFastPathTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 13, 17, 36, 123, TimeSpan.Zero);

    [Fact]
    public void Process_RandomMixOfPlainAndEditedLines_SameLinesAsOneCharacterChunks()
    {
        var random = new Random(42);
        string[] pieces =
        [
            "plain line\r\n", "\r\n", "\n", "lf only\n", "prompt> ", "\x1b[31mred\x1b[0m after\r\n", "\x1b[1mbold to the end",
            "over\rwritten\r\n", "back\bspace\r\n", "tab\there\r\n", "\x1b[Kerased\r\n", "é ü 😀 wide\r\n", "\r", "lone cr",
            new string('x', 70) + "\r\n", "esc \x1b]0;title\x07 done\r\n", "\u202e bidi\r\n",
        ];
        for (var round = 0; round < 200; round++)
        {
            var text = string.Concat(Enumerable.Range(0, 30).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = Run(text, 1, maxLineLength: 32);

            foreach (var size in new[] { text.Length, 7, 64 })
                Assert.Equal(expected, Run(text, size, maxLineLength: 32));
        }
    }

    [Theory]
    [InlineData("prompt> \r\x1b[Kerased\r\nnext\r\n")]        // the live line emptied by an erase, then a whole line
    [InlineData("prompt> \r\x1b[2Kagain\r\n")]
    [InlineData("abc\rdef\r\n\r\nplain\r\n")]
    [InlineData("\x1b[31m\r\nred empty line\r\n\x1b[0mplain\r\n")]
    public void Process_EditedThenWholeLine_SameLinesAsOneCharacterChunksAtEverySplit(string text)
    {
        var expected = Run(text, 1, maxLineLength: 32);
        Assert.Equal(expected, Run(text, text.Length, maxLineLength: 32));
        for (var split = 1; split < text.Length; split++)
            Assert.Equal(expected, RunSplit(text, split, maxLineLength: 32));
    }

    [Fact]
    public void Process_WithAsciiBytes_SameLinesAsFromTheTextAlone()
    {
        // Every ASCII piece: controls, escapes, edits, lines longer than the cap, CR alone, DEL.
        var random = new Random(7);
        string[] pieces =
        [
            "plain line\r\n", "\r\n", "\n", "lf only\n", "prompt> ", "\x1b[31mred\x1b[0m after\r\n", "\x1b[1mbold to the end",
            "over\rwritten\r\n", "back\bspace\r\n", "tab\there\r\n", "\x1b[Kerased\r\n", "\r", "lone cr", "del\x7f\x01ctl\r\n",
            new string('x', 70) + "\r\n", new string('y', 32) + "\r\n", "esc \x1b]0;title\x07 done\r\n",
        ];
        for (var round = 0; round < 200; round++)
        {
            var text = string.Concat(Enumerable.Range(0, 30).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var size in new[] { 1, 7, 64, text.Length })
                Assert.Equal(Run(text, size, maxLineLength: 32), Run(text, size, maxLineLength: 32, withBytes: true));
        }
    }

    [Fact]
    public void Process_AsciiBytesOfAnotherLength_Throws()
    {
        var processor = new TerminalTextProcessor(new Scrollback());
        Assert.Throws<ArgumentException>(() => processor.Process("abc", "ab"u8, T0));
    }

    private static string[] RunSplit(string text, int split, int maxLineLength)
    {
        var scrollback = new Scrollback(maxLines: 10_000, maxLineLength: maxLineLength);
        var processor = new TerminalTextProcessor(scrollback);
        processor.Process(text.AsSpan(0, split), T0);
        processor.Process(text.AsSpan(split), T0);
        processor.Flush();
        return Lines(scrollback);
    }

    private static string[] Run(string text, int chunkSize, int maxLineLength, bool withBytes = false)
    {
        var scrollback = new Scrollback(maxLines: 10_000, maxLineLength: maxLineLength);
        var processor = new TerminalTextProcessor(scrollback);
        var bytes = withBytes ? System.Text.Encoding.ASCII.GetBytes(text) : [];
        for (var i = 0; i < text.Length; i += chunkSize)
        {
            var length = Math.Min(chunkSize, text.Length - i);
            processor.Process(text.AsSpan(i, length), withBytes ? bytes.AsSpan(i, length) : [], T0);
        }

        processor.Flush();
        return Lines(scrollback);
    }

    private static string[] Lines(Scrollback scrollback) =>
        Enumerable.Range(0, scrollback.Count)
            .Select(i => scrollback.GetLine(i))
            .Select(l => $"{l.Kind}|{l.Text}|{string.Join(",", l.Runs.Select(r => $"{r.Start}+{r.Length}:{r.Style}"))}")
            .ToArray();
}
