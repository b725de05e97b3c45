using System.Buffers;
using System.Text;
using NetTerm.Core.Terminal;

namespace NetTerm.Core.Tests.Terminal;

public sealed class ControlEscaperTests
{
    [Theory]
    [InlineData("\u001b[31mred\u001b[0m", "\\x1b[31mred\\x1b[0m")]
    [InlineData("\u001b]52;c;SGVsbG8=\u0007", "\\x1b]52;c;SGVsbG8=\\x07")]
    [InlineData("\u001b]0;title\u001b\\", "\\x1b]0;title\\x1b\\")]
    [InlineData("\u009b31m", "\\u009b31m")]
    [InlineData("a\u0085b\u009dc", "a\\u0085b\\u009dc")]
    [InlineData("\0\u0008\u007f", "\\x00\\x08\\x7f")]
    [InlineData("abc\u202edef", "abc\\u202edef")]
    [InlineData("x\u200by\ufeffz\u2060", "x\\u200by\\ufeffz\\u2060")]
    [InlineData("\u00ad\u061c\u200e\u200f\u2066\u2069\u2028", "\\u00ad\\u061c\\u200e\\u200f\\u2066\\u2069\\u2028")]
    public void Escape_ControlsAndInvisibles_BecomeVisibleEscapes(string input, string expected)
    {
        Assert.Equal(expected, ControlEscaper.Escape(input));
    }

    [Fact]
    public void Escape_EveryListedInvisibleOrBidiChar_IsEscapedAsUnicode()
    {
        var chars = new List<char> { '\u00ad', '\u061c', '\ufeff' };
        for (var c = '\u200b'; c <= '\u200f'; c++)
            chars.Add(c);
        for (var c = '\u202a'; c <= '\u202e'; c++)
            chars.Add(c);
        for (var c = '\u2060'; c <= '\u2064'; c++)
            chars.Add(c);
        for (var c = '\u2066'; c <= '\u2069'; c++)
            chars.Add(c);

        foreach (var c in chars)
            Assert.Equal($"\\u{(int)c:x4}", ControlEscaper.Escape(c.ToString()));
    }

    [Fact]
    public void Escape_TabAndLineFeedOnStdout_Kept()
    {
        Assert.Equal("a\tb\nc", ControlEscaper.Escape("a\tb\nc"));
    }

    [Theory]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("a\rb", "a\\x0db")]
    [InlineData("a\r\r\nb", "a\\x0d\nb")]
    [InlineData("a\r", "a\\x0d")]
    [InlineData("\n\r", "\n\\x0d")]
    public void Escape_CarriageReturnOnStdout_CrLfBecomesLfAndLoneCrEscaped(string input, string expected)
    {
        Assert.Equal(expected, ControlEscaper.Escape(input, ControlEscaperOptions.Stdout));
    }

    [Fact]
    public void Escape_TranscriptOptions_EscapesTabCrAndLf()
    {
        Assert.Equal("a\\x09b\\x0d\\x0ac", ControlEscaper.Escape("a\tb\r\nc", ControlEscaperOptions.Transcript));
    }

    [Fact]
    public void Escape_CrLfToLfWithoutKeepLineFeed_PairBecomesOneEscapedLf()
    {
        var options = new ControlEscaperOptions { KeepLineFeed = false };

        Assert.Equal("a\\x0ab", ControlEscaper.Escape("a\r\nb", options));
    }

    // Lone surrogates cannot go through attribute metadata (it is UTF-8), so the cases are built in code.
    public static TheoryData<string, string> SurrogateCases() => new()
    {
        { "\ud83d\ude00 ok", "\ud83d\ude00 ok" },
        { "a\ud83dX", "a\uFFFDX" },
        { "a\ude00X", "a\uFFFDX" },
        { "a\ud83d", "a\uFFFD" },
        { "\ude00\ud83d", "\uFFFD\uFFFD" },
        { "\ud83d\ud83d\ude00", "\uFFFD\ud83d\ude00" },
    };

    [Theory]
    [MemberData(nameof(SurrogateCases), DisableDiscoveryEnumeration = true)]
    public void Escape_Surrogates_PairsPassLoneHalvesBecomeReplacementChar(string input, string expected)
    {
        Assert.Equal(expected, ControlEscaper.Escape(input));
    }

    [Fact]
    public void Escape_CleanText_ReturnsSameInstance()
    {
        var text = "220 mail.example.com ESMTP ready – héllo\n";

        Assert.Same(text, ControlEscaper.Escape(text));
    }

    [Fact]
    public void Escape_DestinationTooSmall_StopsAtUnitBoundary()
    {
        Span<char> destination = stackalloc char[7];

        var status = ControlEscaper.Escape("ab\u202ecd", destination, ControlEscaperOptions.Stdout, out var consumed, out var written);

        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(2, consumed);
        Assert.Equal("ab", destination[..written].ToString());
    }

    [Fact]
    public void Escape_StringBuilderOverload_MatchesStringOverload()
    {
        var input = string.Concat(Enumerable.Repeat("x\u001b\u202e😀\r\n", 200));
        var builder = new StringBuilder("pre:");

        ControlEscaper.Escape(input, builder);

        Assert.Equal("pre:" + ControlEscaper.Escape(input), builder.ToString());
    }

    [Fact]
    public void Escape_EscapeDenseLargeInput_ExpandsFully()
    {
        var input = new string('\u001b', 10_000);

        var output = ControlEscaper.Escape(input);

        Assert.Equal(40_000, output.Length);
        Assert.Equal(string.Concat(Enumerable.Repeat("\\x1b", 10_000)), output);
    }

    [Fact]
    public void Escape_RandomFuzz_OutputHasNoRawControls()
    {
        var random = new Random(20261128);
        for (var i = 0; i < 100_000; i++)
        {
            var input = EscaperFuzz.RandomText(random);
            AssertClean(ControlEscaper.Escape(input, ControlEscaperOptions.Stdout), allowTabAndLf: true);
            AssertClean(ControlEscaper.Escape(input, ControlEscaperOptions.Transcript), allowTabAndLf: false);
        }
    }

    internal static void AssertClean(string output, bool allowTabAndLf)
    {
        for (var i = 0; i < output.Length; i++)
        {
            var c = output[i];
            if (c < ' ')
                Assert.True(allowTabAndLf && c is '\t' or '\n', $"raw U+{(int)c:X4} at {i} in \"{output}\"");
            Assert.False(c is >= '\u007f' and <= '\u009f', $"raw U+{(int)c:X4} at {i}");
            Assert.False(c is '\u00ad' or '\u061c' or '\ufeff' or (>= '\u200b' and <= '\u200f')
                or (>= '\u2028' and <= '\u202e') or (>= '\u2060' and <= '\u206f'), $"raw U+{(int)c:X4} at {i}");
            if (char.IsHighSurrogate(c))
            {
                Assert.True(i + 1 < output.Length && char.IsLowSurrogate(output[i + 1]), $"lone high surrogate at {i}");
                i++;
            }
            else
            {
                Assert.False(char.IsLowSurrogate(c), $"lone low surrogate at {i}");
            }
        }
    }
}
