using System.Text;
using NetTerm.Smtp.Auth;

namespace NetTerm.Smtp.Tests.Auth;

public sealed class SaslXOAuth2Tests
{
    [Fact]
    public void Encode_GoogleDocumentationExample_MatchesExactly()
    {
        Assert.Equal(
            "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==",
            SaslXOAuth2.Encode("someuser@example.com", "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg"));
    }

    [Fact]
    public void Encode_Decoded_IsUserCtrlAAuthBearerCtrlACtrlA()
    {
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(SaslXOAuth2.Encode("a@b.example", "tok")));

        Assert.Equal("user=a@b.example\u0001auth=Bearer tok\u0001\u0001", decoded);
    }

    [Theory]
    [InlineData("", "tok")]
    [InlineData("a@b", "")]
    [InlineData("a\u0001b", "tok")]
    [InlineData("a@b", "to\u0001k")]
    [InlineData("a@b", "to\0k")]
    public void Encode_InvalidField_Throws(string user, string token)
    {
        Assert.Throws<ArgumentException>(() => SaslXOAuth2.Encode(user, token));
    }
}
