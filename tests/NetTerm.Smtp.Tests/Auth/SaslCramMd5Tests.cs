using NetTerm.Smtp.Auth;

namespace NetTerm.Smtp.Tests.Auth;

public sealed class SaslCramMd5Tests
{
    // RFC 2195 §2: challenge <1896.697170952@postoffice.reston.mci.net>, user tim, secret tanstaaftanstaaf.
    private const string RfcChallenge = "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+";

    [Fact]
    public void Respond_Rfc2195Example_MatchesRfc()
    {
        Assert.Equal(
            "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw",
            SaslCramMd5.Respond(RfcChallenge, "tim", "tanstaaftanstaaf"));
    }

    [Fact]
    public void Respond_Rfc2195Example_DecodesToUserSpaceLowercaseHex()
    {
        var response = SaslCramMd5.Respond(RfcChallenge, "tim", "tanstaaftanstaaf");

        Assert.Equal("tim b913a602c7eda7a495b4e6e7334d3890", System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(response)));
    }

    [Fact]
    public void Respond_SpanPassword_MatchesStringForm()
    {
        char[] password = "tanstaaftanstaaf".ToCharArray();

        Assert.Equal(
            SaslCramMd5.Respond(RfcChallenge, "tim", "tanstaaftanstaaf"),
            SaslCramMd5.Respond(RfcChallenge, "tim", password.AsSpan()));
    }

    [Fact]
    public void Respond_KeyLongerThanBlock_StillHmac()
    {
        // HMAC hashes keys longer than 64 bytes first (RFC 2104); a long password must not break the response.
        var password = new string('k', 100);

        var response = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(SaslCramMd5.Respond(RfcChallenge, "tim", password)));

        Assert.Matches("^tim [0-9a-f]{32}$", response);
    }

    [Theory]
    [InlineData("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ")]
    [InlineData("PDE4OTYuNjk3MTcw OTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+")]
    [InlineData("<1896.697170952@postoffice.reston.mci.net>")]
    public void Respond_InvalidChallenge_ThrowsFormatException(string challenge)
    {
        Assert.Throws<FormatException>(() => SaslCramMd5.Respond(challenge, "tim", "tanstaaftanstaaf"));
    }
}
