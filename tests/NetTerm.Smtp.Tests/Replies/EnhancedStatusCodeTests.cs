using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Tests.Replies;

public sealed class EnhancedStatusCodeTests
{
    [Theory]
    [InlineData("5.7.1", 5, 7, 1)]
    [InlineData("2.0.0", 2, 0, 0)]
    [InlineData("4.7.28", 4, 7, 28)]
    [InlineData("5.999.999", 5, 999, 999)]
    [InlineData("5.01.1", 5, 1, 1)]
    public void TryParse_ValidCode_Parts(string text, int @class, int subject, int detail)
    {
        Assert.True(EnhancedStatusCode.TryParse(text, out var code));
        Assert.Equal(new EnhancedStatusCode(@class, subject, detail), code);
        Assert.Equal(code, EnhancedStatusCode.Parse(text));
    }

    [Theory]
    [InlineData("5.7")]
    [InlineData("6.1.1")]
    [InlineData("3.1.1")]
    [InlineData("5.1000.1")]
    [InlineData("5.1.1000")]
    [InlineData("5..1")]
    [InlineData("5.1.")]
    [InlineData(".5.1.1")]
    [InlineData("5.7.1 ")]
    [InlineData("5.7.1.2")]
    [InlineData("5,7,1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_BadForm_False(string? text)
    {
        Assert.False(EnhancedStatusCode.TryParse(text, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void Parse_BadForm_Throws()
    {
        Assert.Throws<FormatException>(() => EnhancedStatusCode.Parse("5.7"));
    }

    [Theory]
    [InlineData("2.0.0 Ok", "2.0.0", 5)]
    [InlineData("5.7.1", "5.7.1", 5)]
    [InlineData("5.7.54\tSMTP; Unable to relay", "5.7.54", 6)]
    public void TryParsePrefix_CodeThenSpaceOrEnd_Found(string text, string expected, int length)
    {
        Assert.True(EnhancedStatusCode.TryParsePrefix(text, out var code, out var consumed));
        Assert.Equal(expected, code.ToString());
        Assert.Equal(length, consumed);
    }

    [Theory]
    [InlineData("2.0.0Ok")]
    [InlineData("1.2.3.4 is an address")]
    [InlineData("mx.example.com")]
    [InlineData("5.7")]
    public void TryParsePrefix_NotACode_False(string text)
    {
        Assert.False(EnhancedStatusCode.TryParsePrefix(text, out _, out var consumed));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void ToString_Dotted()
    {
        Assert.Equal("4.7.0", new EnhancedStatusCode(4, 7, 0).ToString());
    }

    [Theory]
    [InlineData(3, 1, 1)]
    [InlineData(5, -1, 1)]
    [InlineData(5, 1, 1000)]
    public void Constructor_OutOfRange_Throws(int @class, int subject, int detail)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnhancedStatusCode(@class, subject, detail));
    }
}
