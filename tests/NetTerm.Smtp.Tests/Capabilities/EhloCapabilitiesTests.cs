using System.Text;
using NetTerm.Smtp.Capabilities;
using NetTerm.Smtp.Replies;
using NetTerm.Smtp.Tests.Replay;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Capabilities;

public sealed class EhloCapabilitiesTests
{
    [Fact]
    public void Parse_Gmail_TypedAccessors()
    {
        var caps = Ehlo("gmail.txt", 1);

        Assert.Equal("smtp.gmail.com", caps.Domain);
        Assert.Equal("smtp.gmail.com at your service, [192.0.2.10]", caps.Greeting);
        Assert.Equal(["SIZE", "8BITMIME", "STARTTLS", "ENHANCEDSTATUSCODES", "PIPELINING", "CHUNKING", "SMTPUTF8"], caps.Keywords.Select(k => k.Name));
        Assert.Equal(35_882_577, caps.Size);
        Assert.True(caps.EightBitMime && caps.StartTls && caps.EnhancedStatusCodes && caps.Pipelining && caps.Chunking && caps.SmtpUtf8);
        Assert.False(caps.BinaryMime || caps.Dsn || caps.RequireTls || caps.Etrn || caps.DeliverBy || caps.Help || caps.Vrfy || caps.Expn);
        Assert.Empty(caps.AuthMechanisms);
        Assert.False(caps.Truncated);
    }

    [Fact]
    public void Parse_GmailAfterTls_AuthMechanismsUpperCaseInOrder()
    {
        var caps = Ehlo("gmail.txt", 3);

        Assert.False(caps.StartTls);
        Assert.Equal(["LOGIN", "PLAIN", "XOAUTH2", "PLAIN-CLIENTTOKEN", "OAUTHBEARER", "XOAUTH"], caps.AuthMechanisms);
    }

    [Fact]
    public void Parse_Exchange_UnknownKeywordsKeptWithParameters()
    {
        var caps = Ehlo("exchange.txt", 1);

        Assert.Equal(37_748_736, caps.Size);
        Assert.True(caps.BinaryMime && caps.Dsn);
        Assert.True(caps.Has("x-anonymoustls"));
        Assert.Equal(["GSSAPI", "NTLM"], caps.Find("X-EXPS")!.Parameters);
        Assert.Equal("X-EXPS GSSAPI NTLM", caps.Find("x-exps")!.Line);
        Assert.Equal(["NTLM"], caps.AuthMechanisms);
    }

    [Fact]
    public void Parse_SendmailSizeWithoutNumber_AdvertisedWithoutLimit()
    {
        var caps = Ehlo("sendmail.txt", 1);

        Assert.True(caps.SizeAdvertised);
        Assert.Null(caps.Size);
        Assert.True(caps.DeliverBy && caps.Help && caps.Etrn && caps.Dsn);
        Assert.Equal(["DIGEST-MD5", "CRAM-MD5"], caps.AuthMechanisms);
        Assert.Contains("no fixed limit", caps.Describe("size"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PostfixWithVrfy_Accessors()
    {
        var caps = Ehlo("postfix.txt", 1);

        Assert.True(caps.Vrfy && caps.Etrn && caps.Dsn && caps.StartTls);
        Assert.False(caps.Expn);
        Assert.Equal(10_240_000, caps.Size);
    }

    [Fact]
    public void Parse_SmtpSinkEmptyLastLine_Skipped()
    {
        var caps = Ehlo("smtp-sink.txt", 1);

        Assert.Equal(7, caps.Keywords.Count);
        Assert.Equal("SMTPUTF8", caps.Keywords[^1].Name);
        Assert.Equal(["NAME", "ADDR", "PROTO", "HELO"], caps.Find("XFORWARD")!.Parameters);
    }

    [Fact]
    public void Parse_ObsoleteAuthEquals_MergedWithoutDuplicates()
    {
        var caps = Ehlo("auth-login.txt", 1);

        Assert.Equal(["AUTH", "AUTH=", "ENHANCEDSTATUSCODES"], caps.Keywords.Select(k => k.Name));
        Assert.Equal(["PLAIN", "LOGIN"], caps.Find("AUTH=")!.Parameters);
        Assert.Equal(["PLAIN", "LOGIN"], caps.AuthMechanisms);
    }

    [Fact]
    public void Parse_LowerCaseKeywords_CaseInsensitive()
    {
        var caps = EhloCapabilities.Parse(["mx", "starttls", "auth plain cram-md5", "size 0", "requiretls", "expn"]);

        Assert.True(caps.StartTls && caps.RequireTls && caps.Expn);
        Assert.Equal("starttls", caps.Keywords[0].Name);
        Assert.Equal(["PLAIN", "CRAM-MD5"], caps.AuthMechanisms);
        Assert.True(caps.SizeAdvertised);
        Assert.Null(caps.Size);
    }

    [Fact]
    public void Parse_TenThousandLineEhlo_BoundedAndTruncationNoted()
    {
        var text = new StringBuilder("250-mx.example.com\r\n");
        for (var i = 0; i < 9_998; i++)
        {
            text.Append("250-AUTH M").Append(i).Append("\r\n");
        }

        text.Append("250 PIPELINING\r\n");
        var reply = Assert.Single(ParserFeedReplies(text.ToString()));

        var caps = EhloCapabilities.Parse(reply);

        Assert.Equal(EhloCapabilities.MaxKeywords, caps.Keywords.Count);
        Assert.Equal(EhloCapabilities.MaxAuthMechanisms, caps.AuthMechanisms.Count);
        Assert.True(caps.Truncated);
        Assert.False(caps.Pipelining);
    }

    [Fact]
    public void Parse_ManyParameters_Bounded()
    {
        var caps = EhloCapabilities.Parse(["mx", "XFOO " + string.Join(' ', Enumerable.Range(0, 500))]);

        Assert.Equal(EhloCapabilities.MaxParameters, caps.Find("XFOO")!.Parameters.Count);
        Assert.True(caps.Truncated);
    }

    [Theory]
    [InlineData("SIZE 10240000", "SIZE: the largest message accepted is 10,240,000 bytes (9.8 MiB) (RFC 1870).")]
    [InlineData("SIZE 37748736", "SIZE: the largest message accepted is 37,748,736 bytes (36 MiB) (RFC 1870).")]
    [InlineData("SIZE 0", "SIZE 0: no fixed limit on message size (RFC 1870).")]
    [InlineData("SIZE lots", "SIZE: the limit \"lots\" is not a number (RFC 1870 wants a byte count).")]
    [InlineData("AUTH PLAIN LOGIN", "AUTH: login with PLAIN, LOGIN (RFC 4954).")]
    [InlineData("XCLIENT NAME ADDR", "XCLIENT: a trusted proxy may override the client's name and address (NAME, ADDR) (Postfix).")]
    public void Describe_KnownKeyword_OneLine(string line, string expected)
    {
        var caps = EhloCapabilities.Parse(["mx", line]);

        Assert.Equal(expected, caps.Describe(line.Split(' ')[0]));
    }

    [Fact]
    public void Describe_EveryKnownKeyword_HasText()
    {
        string[] known =
        [
            "PIPELINING", "SIZE", "STARTTLS", "AUTH", "AUTH=", "ENHANCEDSTATUSCODES", "8BITMIME", "BINARYMIME",
            "CHUNKING", "DSN", "SMTPUTF8", "REQUIRETLS", "ETRN", "DELIVERBY", "HELP", "VRFY", "EXPN", "XCLIENT",
            "XFORWARD", "X-ANONYMOUSTLS", "X-EXPS",
        ];

        foreach (var keyword in known)
        {
            var text = EhloKeywordDescriptions.Describe(new EhloKeyword(keyword, [], keyword));
            Assert.NotNull(text);
            Assert.DoesNotContain('\n', text);
        }

        Assert.Null(EhloKeywordDescriptions.Describe(new EhloKeyword("X-MYSTERY", [], "X-MYSTERY")));
        Assert.Null(EhloCapabilities.Parse(["mx"]).Describe("PIPELINING"));
    }

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1, "1 byte")]
    [InlineData(1023, "1,023 bytes")]
    [InlineData(1024, "1,024 bytes (1 KiB)")]
    [InlineData(35_882_577, "35,882,577 bytes (34.2 MiB)")]
    [InlineData(5_368_709_120, "5,368,709,120 bytes (5 GiB)")]
    public void ByteSizeText_Format(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSizeText.Format(bytes));
    }

    private static EhloCapabilities Ehlo(string transcript, int replyIndex)
    {
        var replies = ParserFeedReplies(TranscriptReplay.Load(transcript).ServerBytes);
        var reply = replies[replyIndex];
        Assert.Equal(250, reply.Code);
        return EhloCapabilities.Parse(reply);
    }

    private static List<SmtpReply> ParserFeedReplies(string text) => ParserFeedReplies(Encoding.UTF8.GetBytes(text));

    private static List<SmtpReply> ParserFeedReplies(byte[] bytes) =>
        Tests.Replies.ParserFeed.Run(bytes, Chunking.Whole).Replies;
}
