using System.Text;
using NetTerm.Core.Text;

namespace NetTerm.Core.Tests.Text;

public sealed class StreamingTextDecoderTests
{
    private const string Sample = "a€😀ü\u0800z\U0010FFFF";

    [Fact]
    public void Decode_Utf8SplitAtEveryByteBoundary_MatchesWholeText()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample);
        for (var i = 0; i <= bytes.Length; i++)
        {
            for (var j = i; j <= bytes.Length; j++)
            {
                var decoder = TextDecoderFactory.CreateDecoder("utf-8");
                var text = decoder.Decode(bytes.AsSpan(0, i)) + decoder.Decode(bytes.AsSpan(i, j - i))
                    + decoder.Decode(bytes.AsSpan(j)) + decoder.Flush();
                Assert.Equal(Sample, text);
            }
        }
    }

    [Fact]
    public void Decode_Utf8OneByteAtATime_MatchesWholeText()
    {
        var decoder = TextDecoderFactory.CreateDecoder(null);
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(Sample))
            builder.Append(decoder.Decode([b]));

        Assert.Equal(Sample, builder.ToString());
        Assert.Equal(string.Empty, decoder.Flush());
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0xFF, 0x42 }, "A\uFFFDB")]
    [InlineData(new byte[] { 0xC0, 0x80 }, "\uFFFD\uFFFD")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "\uFFFD\uFFFD\uFFFD")]
    [InlineData(new byte[] { 0xE2, 0x82, 0x41 }, "\uFFFDA")]
    public void Decode_InvalidUtf8_YieldsReplacementChar(byte[] bytes, string expected)
    {
        var decoder = TextDecoderFactory.CreateDecoder("utf-8");

        Assert.Equal(expected, decoder.Decode(bytes) + decoder.Flush());
    }

    [Fact]
    public void Flush_IncompleteSequence_YieldsReplacementCharAndResets()
    {
        var decoder = TextDecoderFactory.CreateDecoder("utf-8");

        Assert.Equal(string.Empty, decoder.Decode([0xE2, 0x82]));
        Assert.Equal("\uFFFD", decoder.Flush());
        Assert.Equal("A", decoder.Decode([0x41]));
    }

    [Fact]
    public void Decode_LargeChunk_DecodesAll()
    {
        var text = string.Concat(Enumerable.Repeat("héllo wörld 😀\n", 10_000));
        var decoder = TextDecoderFactory.CreateDecoder("utf-8");

        Assert.Equal(text, decoder.Decode(Encoding.UTF8.GetBytes(text)));
    }
}
