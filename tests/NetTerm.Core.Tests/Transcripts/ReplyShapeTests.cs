using NetTerm.Core.Transcripts;

namespace NetTerm.Core.Tests.Transcripts;

public sealed class ReplyShapeTests
{
    [Theory]
    [InlineData("250 OK", 250, true, null)]
    [InlineData("250-PIPELINING", 250, false, null)]
    [InlineData("221", 221, true, null)]
    [InlineData("550 5.7.1 Relaying denied", 550, true, "5.7.1")]
    [InlineData("250-2.1.0 Sender ok", 250, false, "2.1.0")]
    [InlineData("451 4.7.100 later", 451, true, "4.7.100")]
    [InlineData("550 2.1.0 class mismatch", 550, true, null)]
    [InlineData("354 3.0.0 no class 3 enhanced codes", 354, true, null)]
    [InlineData("250 2.1 short", 250, true, null)]
    [InlineData("250 2.1.1234 long", 250, true, null)]
    public void TryParse_ReplyLines_CodeLastEnhanced(string line, int code, bool last, string? enhanced)
    {
        Assert.True(ReplyShape.TryParse(line, out var c, out var l, out var e));
        Assert.Equal((code, last, enhanced), (c, l, e));
    }

    [Theory]
    [InlineData("2500 bytes")]
    [InlineData("25 short")]
    [InlineData("650 not a class")]
    [InlineData("abc def")]
    [InlineData("")]
    [InlineData("250x")]
    public void TryParse_NotReplies_False(string line) => Assert.False(ReplyShape.TryParse(line, out _, out _, out _));
}
