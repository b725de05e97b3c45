using NetTerm.Testing;

namespace NetTerm.Core.Tests;

public sealed class ChunkerTests
{
    [Theory]
    [InlineData(Chunking.Whole, new[] { "61 0A 62 FF FF 63" })]
    [InlineData(Chunking.PerLine, new[] { "61 0A", "62", "FF", "FF 63" })]
    [InlineData(Chunking.PerByte, new[] { "61", "0A", "62", "FF", "FF", "63" })]
    public void Split_Chunking_ExpectedChunks(Chunking chunking, string[] expected)
    {
        byte[] input = [0x61, 0x0A, 0x62, 0xFF, 0xFF, 0x63];

        var chunks = Chunker.Split(input, chunking).Select(c => Convert.ToHexString(c.Span)).ToArray();

        Assert.Equal(expected.Select(e => e.Replace(" ", "", StringComparison.Ordinal)), chunks);
    }
}
