using NetTerm.Smtp.Auth;

namespace NetTerm.Smtp.Tests.Auth;

public sealed class SaslLoginTests
{
    [Theory]
    [InlineData("VXNlcm5hbWU6", "Username:")]
    [InlineData("UGFzc3dvcmQ6", "Password:")]
    [InlineData("VXNlciBOYW1lAA==", "User Name\0")]
    [InlineData("", "")]
    public void DecodeChallenge_Base64_ReturnsText(string challenge, string expected)
    {
        Assert.Equal(expected, SaslLogin.DecodeChallenge(challenge));
    }

    [Theory]
    [InlineData("VXNlcm5hbWU6!")]
    [InlineData("VXNlcm5hbWU")]
    [InlineData("VXNl cm5hbWU6")]
    public void DecodeChallenge_Invalid_ThrowsFormatException(string challenge)
    {
        Assert.Throws<FormatException>(() => SaslLogin.DecodeChallenge(challenge));
        Assert.False(SaslLogin.TryDecodeChallenge(challenge, out var text));
        Assert.Null(text);
    }

    [Fact]
    public void Encode_TutorialCredentials_ReturnsBothLines()
    {
        var lines = SaslLogin.Encode("moonpoint@example.com", "SomePassword");

        Assert.Equal("bW9vbnBvaW50QGV4YW1wbGUuY29t", lines.UserLine);
        Assert.Equal("U29tZVBhc3N3b3Jk", lines.PasswordLine);
    }

    [Fact]
    public void EncodePassword_Span_MatchesStringForm()
    {
        char[] password = ['p', 'ä', 's', 's'];

        Assert.Equal(SaslLogin.Encode("u", "päss").PasswordLine, SaslLogin.EncodePassword(password));
    }

    [Fact]
    public void EncodeUser_NonAscii_EncodesUtf8()
    {
        Assert.Equal("asO8cmdlbkBleMOkbXBsZS5kZQ==", SaslLogin.EncodeUser("jürgen@exämple.de"));
    }

    [Theory]
    [InlineData("", "pw")]
    [InlineData("user", "")]
    [InlineData("us\0er", "pw")]
    public void Encode_EmptyOrNul_Throws(string user, string password)
    {
        Assert.Throws<ArgumentException>(() => SaslLogin.Encode(user, password));
    }

    [Fact]
    public void ResponsesToString_HidesBothLines()
    {
        var lines = SaslLogin.Encode("moonpoint@example.com", "SomePassword");

        var text = lines.ToString();

        Assert.DoesNotContain(lines.UserLine, text, StringComparison.Ordinal);
        Assert.DoesNotContain(lines.PasswordLine, text, StringComparison.Ordinal);
    }
}
