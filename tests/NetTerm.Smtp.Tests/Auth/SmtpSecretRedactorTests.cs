using NetTerm.Smtp.Auth;

namespace NetTerm.Smtp.Tests.Auth;

public sealed class SmtpSecretRedactorTests
{
    private const string TutorialPlain = "AG1vb25wb2ludEBleGFtcGxlLmNvbQBTb21lUGFzc3dvcmQ=";

    [Theory]
    [InlineData("AUTH PLAIN " + TutorialPlain, "AUTH PLAIN ****")]
    [InlineData("auth plain " + TutorialPlain, "auth plain ****")]
    [InlineData("AUTH  PLAIN\t" + TutorialPlain + "  ", "AUTH PLAIN ****")]
    [InlineData("AUTH LOGIN bW9vbnBvaW50QGV4YW1wbGUuY29t", "AUTH LOGIN ****")]
    [InlineData("AUTH XOAUTH2 dXNlcj1hQGIuZXhhbXBsZQFhdXRoPUJlYXJlciB0b2sBAQ==", "AUTH XOAUTH2 ****")]
    [InlineData("AUTH PLAIN =", "AUTH PLAIN ****")]
    [InlineData("AUTH SOMETHING-NEW c2VjcmV0", "AUTH SOMETHING-NEW ****")]
    public void RedactSent_AuthWithInitialResponse_MasksResponse(string line, string expected)
    {
        Assert.Equal(expected, new SmtpSecretRedactor().RedactSent(line));
    }

    [Theory]
    [InlineData("AUTH PLAIN")]
    [InlineData("AUTH LOGIN")]
    [InlineData("AUTH CRAM-MD5")]
    [InlineData("AUTH CRAM-MD5   ")]
    [InlineData("AUTH")]
    [InlineData("EHLO client.example")]
    [InlineData("MAIL FROM:<a@example.com>")]
    [InlineData("AUTHX PLAIN " + TutorialPlain + "x")]
    [InlineData("VXNlcm5hbWU6")]
    [InlineData("*")]
    [InlineData("")]
    public void RedactSent_NoSecret_ReturnsNull(string line)
    {
        var redactor = new SmtpSecretRedactor();

        Assert.Null(redactor.RedactSent(line));
        Assert.False(redactor.IsSecret(line));
    }

    [Fact]
    public void RedactSent_LoginExchange_MasksUserAndPasswordLines()
    {
        var redactor = new SmtpSecretRedactor();
        var login = SaslLogin.Encode("moonpoint@example.com", "SomePassword");

        Assert.Null(redactor.RedactSent("AUTH LOGIN"));
        redactor.BeginExchange(); // 334 VXNlcm5hbWU6
        Assert.Equal("****", redactor.RedactSent(login.UserLine));
        Assert.Equal("****", redactor.RedactSent(login.PasswordLine));
        redactor.EndExchange(); // 235

        Assert.False(redactor.InExchange);
        Assert.Null(redactor.RedactSent("MAIL FROM:<moonpoint@example.com>"));
    }

    [Fact]
    public void RedactSent_CramMd5Continuation_Masked()
    {
        var redactor = new SmtpSecretRedactor();
        redactor.BeginExchange();

        var response = SaslCramMd5.Respond("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+", "tim", "tanstaaftanstaaf");

        Assert.Equal("****", redactor.RedactSent(response));
        Assert.True(redactor.IsSecret(response));
    }

    [Theory]
    [InlineData("QUIT")]
    [InlineData("=")]
    [InlineData("plain text password typed by hand")]
    public void RedactSent_AnyLineDuringExchange_Masked(string line)
    {
        var redactor = new SmtpSecretRedactor();
        redactor.BeginExchange();

        Assert.Equal("****", redactor.RedactSent(line));
    }

    [Theory]
    [InlineData("*")]
    [InlineData(" * ")]
    [InlineData("")]
    public void RedactSent_CancelOrEmptyResponseDuringExchange_PassesThrough(string line)
    {
        var redactor = new SmtpSecretRedactor();
        redactor.BeginExchange();

        Assert.Null(redactor.RedactSent(line));
    }

    [Fact]
    public void RedactSent_AskedTwiceForOneLine_SameAnswerAndNoStateChange()
    {
        // The transcript writer and the UI both ask about the same line; asking must not advance anything.
        var redactor = new SmtpSecretRedactor();
        redactor.BeginExchange();

        Assert.Equal("****", redactor.RedactSent("c2VjcmV0"));
        Assert.Equal("****", redactor.RedactSent("c2VjcmV0"));
        Assert.True(redactor.InExchange);
    }

    [Theory]
    [InlineData(TutorialPlain)]
    [InlineData("  " + TutorialPlain)]
    [InlineData("AHUAcA==")]
    [InlineData("dXNlcj1hQGIuZXhhbXBsZQFhdXRoPUJlYXJlciB0b2sBAQ==")]
    public void RedactSent_PastedCredentialOutsideExchange_Masked(string line)
    {
        Assert.Equal("****", new SmtpSecretRedactor().RedactSent(line));
    }

    [Fact]
    public void RedactSent_AfterEndExchange_NormalLinesPass()
    {
        var redactor = new SmtpSecretRedactor();
        redactor.BeginExchange();
        redactor.EndExchange();

        Assert.Null(redactor.RedactSent("RCPT TO:<b@example.com>"));
        Assert.Null(redactor.RedactSent("DATA"));
    }

    [Fact]
    public void RedactSent_UniqueSecret_NeverAppearsInAnyOutput()
    {
        const string Secret = "Zq7-unique-p4ss-1b9e5d";
        var redactor = new SmtpSecretRedactor();
        var login = SaslLogin.Encode("user@example.com", Secret);
        var plain = SaslPlain.Encode("user@example.com", Secret);
        var xoauth = SaslXOAuth2.Encode("user@example.com", Secret);
        string[] outside = ["AUTH PLAIN " + plain, "AUTH XOAUTH2 " + xoauth, plain, xoauth];
        string[] inside = [login.UserLine, login.PasswordLine, Secret, plain];
        var outputs = new List<string>();

        foreach (var line in outside)
            outputs.Add(redactor.RedactSent(line) ?? line);
        redactor.BeginExchange();
        foreach (var line in inside)
            outputs.Add(redactor.RedactSent(line) ?? line);
        redactor.EndExchange();

        var forbidden = new[] { Secret, plain, xoauth, login.PasswordLine, "U29tZVBhc3N3b3Jk" };
        foreach (var output in outputs)
        {
            foreach (var value in forbidden)
                Assert.DoesNotContain(value, output, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RedactSent_ConcurrentBeginEndAndQueries_NeverThrowsAndMasksAuthLines()
    {
        var redactor = new SmtpSecretRedactor();
        var line = "AUTH PLAIN " + TutorialPlain;

        Parallel.For(0, 20_000, i =>
        {
            if (i % 2 == 0)
                redactor.BeginExchange();
            else
                redactor.EndExchange();
            var output = redactor.RedactSent(line);
            Assert.NotNull(output);
            Assert.DoesNotContain(TutorialPlain, output, StringComparison.Ordinal);
        });
    }
}
