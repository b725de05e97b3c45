using NetTerm.Smtp.Auth;

namespace NetTerm.Smtp.Tests.Auth;

public sealed class Base64ChallengeTests
{
    [Theory]
    [InlineData("VXNlcm5hbWU6", "Username:")]
    [InlineData("YQ==", "a")]
    [InlineData("YWI=", "ab")]
    [InlineData("", "")]
    [InlineData("+/+/", "\u00fb\u00ff\u00bf")]
    public void TryDecode_Valid_ReturnsBytes(string text, string expectedLatin1)
    {
        Assert.True(Base64Challenge.TryDecode(text, out var bytes));
        Assert.Equal(expectedLatin1, System.Text.Encoding.Latin1.GetString(bytes));
    }

    [Theory]
    [InlineData("VXNlcm5hbWU6!")] // character outside the alphabet
    [InlineData("VXNlcm5hbWU")] // missing padding
    [InlineData("YQ=")] // odd padding
    [InlineData("YQ===")] // too much padding
    [InlineData("Y===")] // three pad characters
    [InlineData("YQ==YQ==")] // padding in the middle
    [InlineData("=YQ=")] // padding first
    [InlineData("VXNl cm5hbWU6")] // space inside
    [InlineData("VXNl\tcm5hbWU6")] // tab inside
    [InlineData("VXNlcm5h\r\nbWU6")] // line break inside
    [InlineData(" VXNlcm5hbWU6")] // leading space
    [InlineData("VXNlcm5hbWU6 ")] // trailing space
    [InlineData("VXNlcm5hbWU6\r")] // trailing CR
    [InlineData("VXNlcm5hbWU-")] // base64url, not base64
    [InlineData("=")]
    [InlineData("====")]
    public void TryDecode_Invalid_ReturnsFalse(string text)
    {
        Assert.False(Base64Challenge.TryDecode(text, out var bytes));
        Assert.Null(bytes);
    }

    [Fact]
    public void TryDecode_RandomBytes_RoundTrip()
    {
        var random = new Random(4954);
        for (var i = 0; i < 1000; i++)
        {
            var original = new byte[random.Next(0, 200)];
            random.NextBytes(original);

            Assert.True(Base64Challenge.TryDecode(Convert.ToBase64String(original), out var decoded));
            Assert.Equal(original, decoded);
        }
    }
}
