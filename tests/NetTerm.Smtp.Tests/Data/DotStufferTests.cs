using System.Buffers;
using System.Text;
using NetTerm.Smtp.Data;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Data;

public sealed class DotStufferTests
{
    [Theory]
    [InlineData(".", "..")]
    [InlineData(".foo", "..foo")]
    [InlineData("..foo", "...foo")]
    [InlineData("foo.", "foo.")]
    [InlineData(" .foo", " .foo")]
    [InlineData("", "")]
    public void Stuff_Line_DoublesLeadingDotOnly(string line, string expected)
    {
        Assert.Equal(expected, DotStuffer.Stuff(line));
    }

    [Theory]
    [InlineData("..", ".")]
    [InlineData("..foo", ".foo")]
    [InlineData(".foo", "foo")]
    [InlineData("foo", "foo")]
    [InlineData(".", ".")]
    [InlineData("", "")]
    public void Unstuff_Line_RemovesFirstDotOfLongerLine(string line, string expected)
    {
        Assert.Equal(expected, DotStuffer.Unstuff(line));
    }

    [Theory]
    [InlineData(".a\r\n.b\nc\rd", "..a\r\n..b\r\nc\r\nd\r\n")]
    [InlineData("a\r\n", "a\r\n")]
    [InlineData("a", "a\r\n")]
    [InlineData("", "")]
    [InlineData("\n", "\r\n")]
    [InlineData("\r", "\r\n")]
    [InlineData("\r\r\n\n", "\r\n\r\n\r\n")]
    [InlineData("\n\r", "\r\n\r\n")]
    [InlineData(".\r\n", "..\r\n")]
    [InlineData("x\r\n.\r\ny", "x\r\n..\r\ny\r\n")]
    [InlineData("\n.", "\r\n..\r\n")]
    [InlineData("\r.", "\r\n..\r\n")]
    public void StuffMessage_Whole_NormalisesAndStuffs(string message, string expected)
    {
        Assert.Equal(expected, Encoding.Latin1.GetString(DotStuffer.StuffMessage(Encoding.Latin1.GetBytes(message))));
    }

    [Theory]
    [InlineData("x", "x\r\n.\r\n")]
    [InlineData("x\r\n", "x\r\n.\r\n")]
    [InlineData("", ".\r\n")]
    [InlineData(".", "..\r\n.\r\n")]
    public void StuffMessage_AppendTerminator_EndsWithDotLine(string message, string expected)
    {
        Assert.Equal(expected, Encoding.Latin1.GetString(DotStuffer.StuffMessage(Encoding.Latin1.GetBytes(message), appendTerminator: true)));
    }

    [Fact]
    public void StuffMessage_CrlfSplitAcrossChunks_OneLineEnd()
    {
        var output = new ArrayBufferWriter<byte>();
        var stuffer = new DotStuffer();

        stuffer.StuffMessage("a\r"u8, output);
        stuffer.StuffMessage("\n.b"u8, output);
        stuffer.Complete(output);

        Assert.Equal("a\r\n..b\r\n", Encoding.ASCII.GetString(output.WrittenSpan));
    }

    [Fact]
    public void StuffMessage_DotStartsNextChunk_Stuffed()
    {
        var output = new ArrayBufferWriter<byte>();
        var stuffer = new DotStuffer(appendTerminator: true);

        stuffer.StuffMessage("line one\r\n"u8, output);
        stuffer.StuffMessage(".\r\n"u8, output);
        stuffer.Complete(output);

        Assert.Equal("line one\r\n..\r\n.\r\n", Encoding.ASCII.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Complete_Twice_Throws()
    {
        var stuffer = new DotStuffer();
        var output = new ArrayBufferWriter<byte>();
        stuffer.Complete(output);

        Assert.Throws<ObjectDisposedException>(() => stuffer.Complete(output));
        Assert.Throws<ObjectDisposedException>(() => stuffer.StuffMessage("x"u8, output));
    }

    private static readonly byte[] Sample = Encoding.UTF8.GetBytes(
        ".leading\r\n..two\n.\r\r\nbäre CR\rthen LF\n.\r\n\r\n.x\r\ntrailing.\r\n.\r");

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void StuffMessage_Chunked_EqualsWhole(Chunking chunking)
    {
        var whole = DotStuffer.StuffMessage(Sample, appendTerminator: true);
        var output = new ArrayBufferWriter<byte>();
        var stuffer = new DotStuffer(appendTerminator: true);

        foreach (var chunk in Chunker.Split(Sample, chunking))
            stuffer.StuffMessage(chunk.Span, output);
        stuffer.Complete(output);

        Assert.Equal(whole, output.WrittenSpan.ToArray());
    }

    public static TheoryData<Chunking> Chunkings => Chunker.All;

    [Fact]
    public void StuffMessage_SplitAtEveryBoundary_EqualsWhole()
    {
        var whole = DotStuffer.StuffMessage(Sample);
        for (var split = 0; split <= Sample.Length; split++)
        {
            var output = new ArrayBufferWriter<byte>();
            var stuffer = new DotStuffer();
            stuffer.StuffMessage(Sample.AsSpan(0, split), output);
            stuffer.StuffMessage(Sample.AsSpan(split), output);
            stuffer.Complete(output);

            Assert.True(whole.AsSpan().SequenceEqual(output.WrittenSpan), $"split at {split}");
        }
    }

    [Fact]
    public void UnstuffMessage_StopsAtTerminatorLine()
    {
        var data = "..a\r\nb\r\n.\r\nMAIL FROM:<x@example.com>\r\n"u8;

        Assert.Equal(".a\r\nb\r\n", Encoding.ASCII.GetString(DotStuffer.UnstuffMessage(data)));
    }

    [Fact]
    public void StuffThenUnstuff_RandomMessages_IsIdentityOnNormalisedMessage()
    {
        var random = new Random(5321);
        for (var i = 0; i < 10_000; i++)
        {
            var message = DotStufferMessages.Random(random);
            var expected = DotStufferMessages.Normalise(message);

            var stuffed = DotStuffer.StuffMessage(message, appendTerminator: true);
            var chunked = StuffInRandomChunks(message, random);

            Assert.True(DotStuffer.UnstuffMessage(stuffed).AsSpan().SequenceEqual(expected), $"message {i}");
            Assert.True(stuffed.AsSpan().SequenceEqual(chunked), $"message {i} chunked");
            DotStufferMessages.AssertWellFramed(stuffed);
            Assert.True(DotStuffer.StuffMessage(expected, appendTerminator: true).AsSpan().SequenceEqual(stuffed), $"message {i} normalised first");
        }
    }

    private static byte[] StuffInRandomChunks(byte[] message, Random random)
    {
        var output = new ArrayBufferWriter<byte>();
        var stuffer = new DotStuffer(appendTerminator: true);
        var offset = 0;
        while (offset < message.Length)
        {
            var length = Math.Min(message.Length - offset, random.Next(1, 9));
            stuffer.StuffMessage(message.AsSpan(offset, length), output);
            offset += length;
        }

        stuffer.Complete(output);
        return output.WrittenSpan.ToArray();
    }
}
