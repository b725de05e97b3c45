using NetTerm.Core.Text;

namespace NetTerm.Core.Tests.Text;

public sealed class TextDecoderFactoryTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("utf-8")]
    [InlineData("UTF8")]
    public void GetDecodingEncoding_DefaultOrUtf8_IsUtf8WithoutPreamble(string? name)
    {
        var encoding = TextDecoderFactory.GetDecodingEncoding(name);

        Assert.Equal(65001, encoding.CodePage);
        Assert.Empty(encoding.GetPreamble());
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("iso-8859-1")]
    [InlineData("ISO_8859-1")]
    public void CreateDecoder_Latin1Names_DecodeHighBytes(string name)
    {
        var decoder = TextDecoderFactory.CreateDecoder(name);

        Assert.Equal("é\u0080ÿ", decoder.Decode([0xE9, 0x80, 0xFF]));
    }

    [Theory]
    [InlineData("cp437", new byte[] { 0xC9, 0xCD, 0xBB, 0xB0 }, "╔═╗░")]
    [InlineData("CP437", new byte[] { 0x82 }, "é")]
    [InlineData("ibm437", new byte[] { 0xDB }, "█")]
    [InlineData("cp850", new byte[] { 0x82, 0xD5 }, "éı")]
    [InlineData("cp1252", new byte[] { 0x80, 0x93, 0x94 }, "€\u201c\u201d")]
    [InlineData("windows-1251", new byte[] { 0xC0, 0xE0 }, "Аа")]
    [InlineData("koi8-r", new byte[] { 0xE1 }, "А")]
    public void CreateDecoder_KnownCodePages_DecodeKnownBytes(string name, byte[] bytes, string expected)
    {
        Assert.Equal(expected, TextDecoderFactory.CreateDecoder(name).Decode(bytes));
    }

    [Fact]
    public void CreateDecoder_AsciiHighByte_YieldsReplacementChar()
    {
        Assert.Equal("A\uFFFDB", TextDecoderFactory.CreateDecoder("ascii").Decode([0x41, 0xC9, 0x42]));
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("cp99999")]
    [InlineData("utf-7")]
    public void GetDecodingEncoding_UnknownName_ThrowsOneLineMessageListingCommonNames(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => TextDecoderFactory.GetDecodingEncoding(name));

        Assert.Contains($"'{name}'", ex.Message, StringComparison.Ordinal);
        foreach (var common in new[] { "utf-8", "latin1", "cp437", "cp850", "cp1252", "ascii" })
            Assert.Contains(common, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.DoesNotContain("Parameter", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ascii", "héllo €", "h?llo ?")]
    [InlineData("cp437", "╔ €", "╔ ?")]
    [InlineData("latin1", "é€", "é?")]
    public void GetSendingEncoding_UnmappableChars_BecomeQuestionMark(string name, string text, string expected)
    {
        var encoding = TextDecoderFactory.GetSendingEncoding(name);

        Assert.Equal(expected, TextDecoderFactory.GetDecodingEncoding(name).GetString(encoding.GetBytes(text)));
    }

    [Fact]
    public void GetSendingEncoding_Utf8LoneSurrogate_BecomesQuestionMark()
    {
        var encoding = TextDecoderFactory.GetSendingEncoding("utf-8");

        Assert.Equal("a?b"u8.ToArray(), encoding.GetBytes("a\uD800b"));
        Assert.Empty(encoding.GetPreamble());
    }
}
