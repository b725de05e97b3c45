using System.Buffers;
using System.Text;
using NetTerm.Core.Terminal;

namespace NetTerm.Core.Tests.Terminal;

public sealed class StreamingControlEscaperTests
{
    [Fact]
    public void Escape_CrLfSplitAcrossChunks_BecomesLf()
    {
        var escaper = new StreamingControlEscaper();

        Assert.Equal("abc", escaper.Escape("abc\r"));
        Assert.True(escaper.HasPending);
        Assert.Equal("\ndef", escaper.Escape("\ndef"));
        Assert.False(escaper.HasPending);
    }

    [Fact]
    public void Escape_CrAtChunkEndFollowedByText_EscapesCr()
    {
        var escaper = new StreamingControlEscaper();

        Assert.Equal("abc", escaper.Escape("abc\r"));
        Assert.Equal("\\x0dX", escaper.Escape("X"));
    }

    [Fact]
    public void Escape_EmptyChunkWhileHoldingCr_KeepsHolding()
    {
        var escaper = new StreamingControlEscaper();

        escaper.Escape("a\r");
        Assert.Equal(string.Empty, escaper.Escape(""));
        Assert.Equal("\n", escaper.Escape("\n"));
    }

    [Fact]
    public void Flush_HeldCr_EmitsEscapedCr()
    {
        var escaper = new StreamingControlEscaper();

        escaper.Escape("prompt\r");

        Assert.Equal("\\x0d", escaper.Flush());
        Assert.Equal(string.Empty, escaper.Flush());
    }

    [Fact]
    public void Escape_SurrogatePairSplitAcrossChunks_Passes()
    {
        var escaper = new StreamingControlEscaper();

        Assert.Equal("a", escaper.Escape("a\ud83d"));
        Assert.Equal("\ud83d\ude00b", escaper.Escape("\ude00b"));
    }

    [Fact]
    public void Flush_HeldHighSurrogate_EmitsReplacementChar()
    {
        var escaper = new StreamingControlEscaper();

        escaper.Escape("a\ud83d");

        Assert.Equal("\uFFFD", escaper.Flush());
    }

    [Fact]
    public void Escape_TranscriptOptions_DoesNotHoldCr()
    {
        var escaper = new StreamingControlEscaper(ControlEscaperOptions.Transcript);

        Assert.Equal("a\\x0d", escaper.Escape("a\r"));
        Assert.False(escaper.HasPending);
    }

    [Fact]
    public void Escape_DestinationTooSmallAfterCarry_LosesNothing()
    {
        var escaper = new StreamingControlEscaper();
        escaper.Escape("\r");
        var output = new StringBuilder();
        var source = "x\u202ey".AsSpan();
        Span<char> small = stackalloc char[6];

        while (true)
        {
            var status = escaper.Escape(source, small, out var consumed, out var written);
            output.Append(small[..written]);
            source = source[consumed..];
            if (status == OperationStatus.Done)
                break;
        }

        Assert.Equal("\\x0dx\\u202ey", output.ToString());
    }

    [Fact]
    public void Escape_RandomChunking_MatchesWholeTextEscape()
    {
        var random = new Random(4242);
        for (var i = 0; i < 20_000; i++)
        {
            var input = EscaperFuzz.RandomText(random) + EscaperFuzz.RandomText(random);
            var escaper = new StreamingControlEscaper();
            var output = new StringBuilder();
            var position = 0;
            while (position < input.Length)
            {
                var length = random.Next(0, input.Length - position + 1);
                output.Append(escaper.Escape(input.AsSpan(position, length)));
                position += length;
            }

            output.Append(escaper.Flush());
            var text = output.ToString();
            Assert.Equal(ControlEscaper.Escape(input), text);
            ControlEscaperTests.AssertClean(text, allowTabAndLf: true);
        }
    }
}
