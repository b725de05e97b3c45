using System.Text;
using NetTerm.Smtp.Replies;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Replies;

public sealed partial class SmtpReplyParserTests
{
    public static TheoryData<Chunking> Chunkings => Chunker.All;

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_SingleLine_CodeTextAndByteCount(Chunking chunking)
    {
        var feed = ParserFeed.Run("220 mx.example.com ESMTP Postfix (Debian/GNU)\r\n", chunking);

        var reply = Assert.Single(feed.Replies);
        Assert.Equal(220, reply.Code);
        Assert.Equal(["mx.example.com ESMTP Postfix (Debian/GNU)"], reply.Lines);
        Assert.Equal(SmtpReplyFlags.None, reply.Flags);
        Assert.Equal(47, reply.ByteCount);
        Assert.Equal(2, reply.ReplyClass);
        Assert.True(reply.IsPositive);
        Assert.False(reply.IsViolation);
        Assert.Null(reply.Enhanced);
        Assert.True(feed.Parser.IsIdle);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_MultiLine_OneReplyWithEveryLine(Chunking chunking)
    {
        var feed = ParserFeed.Run("250-mx.example.com\r\n250-PIPELINING\r\n250 SIZE 10240000\r\n", chunking);

        var reply = Assert.Single(feed.Replies);
        Assert.Equal(250, reply.Code);
        Assert.Equal(["mx.example.com", "PIPELINING", "SIZE 10240000"], reply.Lines);
        Assert.Equal(3, reply.LineCount);
        Assert.Equal(55, reply.ByteCount);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_ReplyFollowedByInjection_LeavesExactlyTheInjectionUnconsumed(Chunking chunking)
    {
        var parser = new SmtpReplyParser();

        var (reply, rest) = ParserFeed.FirstReply(Encoding.ASCII.GetBytes("220 2.0.0 Ready to start TLS\r\nEVIL"), chunking, parser);

        Assert.NotNull(reply);
        Assert.Equal(220, reply.Code);
        Assert.Equal(30, reply.ByteCount);
        Assert.Equal("EVIL", Encoding.ASCII.GetString(rest));
        Assert.True(parser.IsIdle);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_MultiLineReplyFollowedByInjection_LeavesInjectionUnconsumed(Chunking chunking)
    {
        var parser = new SmtpReplyParser();
        var input = Encoding.ASCII.GetBytes("220-Ready\r\n220 go ahead\r\n250-injected\r\n250 OK\r\n");

        var (reply, rest) = ParserFeed.FirstReply(input, chunking, parser);

        Assert.Equal(["Ready", "go ahead"], reply!.Lines);
        Assert.Equal("250-injected\r\n250 OK\r\n", Encoding.ASCII.GetString(rest));
        Assert.True(parser.IsIdle);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_PartialLine_ParserNotIdle(Chunking chunking)
    {
        var feed = ParserFeed.Run("220 ready\r\n2", chunking);

        Assert.Single(feed.Replies);
        Assert.False(feed.Parser.IsIdle);
        Assert.Equal(1, feed.Parser.BufferedLength);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_BareLf_FlaggedAndStaysInSync(Chunking chunking)
    {
        var feed = ParserFeed.Run("250-one\n250 two\n354 go\r\n", chunking);

        Assert.Equal(2, feed.Replies.Count);
        Assert.Equal(["one", "two"], feed.Replies[0].Lines);
        Assert.Equal(SmtpReplyFlags.BareLf, feed.Replies[0].Flags);
        Assert.Equal(16, feed.Replies[0].ByteCount);
        Assert.False(feed.Replies[0].IsViolation);
        Assert.Equal(354, feed.Replies[1].Code);
        Assert.Equal(SmtpReplyFlags.None, feed.Replies[1].Flags);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_LoneCr_KeptAsData(Chunking chunking)
    {
        var feed = ParserFeed.Run("250 a\rb\r\r\n", chunking);

        var reply = Assert.Single(feed.Replies);
        Assert.Equal(["a\rb\r"], reply.Lines);
        Assert.Equal(SmtpReplyFlags.None, reply.Flags);
        Assert.Equal(10, reply.ByteCount);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_CodeWithoutText_EndsReply(Chunking chunking)
    {
        var feed = ParserFeed.Run("250-sink.example.com\r\n250-PIPELINING\r\n250 \r\n250\r\n", chunking);

        Assert.Equal(2, feed.Replies.Count);
        Assert.Equal(["sink.example.com", "PIPELINING", ""], feed.Replies[0].Lines);
        Assert.Equal([""], feed.Replies[1].Lines);
        Assert.All(feed.Replies, r => Assert.Equal(SmtpReplyFlags.None, r.Flags));
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_MismatchedCodes_OneViolationReply(Chunking chunking)
    {
        var feed = ParserFeed.Run("250-first\r\n251-second\r\n250 third\r\n", chunking);

        var reply = Assert.Single(feed.Replies);
        Assert.Equal(250, reply.Code);
        Assert.Equal(["first", "second", "third"], reply.Lines);
        Assert.Equal(SmtpReplyFlags.MismatchedCodes, reply.Flags);
        Assert.True(reply.IsViolation);
        Assert.False(reply.IsPositive);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_NonNumericLine_OwnViolationReply(Chunking chunking)
    {
        var feed = ParserFeed.Run("hello there\r\n220 ok\r\n", chunking);

        Assert.Equal(2, feed.Replies.Count);
        Assert.Equal(0, feed.Replies[0].Code);
        Assert.Equal(0, feed.Replies[0].ReplyClass);
        Assert.Equal(["hello there"], feed.Replies[0].Lines);
        Assert.Equal(SmtpReplyFlags.NonNumeric, feed.Replies[0].Flags);
        Assert.True(feed.Replies[0].IsViolation);
        Assert.Equal(13, feed.Replies[0].ByteCount);
        Assert.Equal(220, feed.Replies[1].Code);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_NonNumericInsideMultiLine_EndsOpenReplyThenQueuesLine(Chunking chunking)
    {
        var feed = ParserFeed.Run("250-first\r\n25x\r\n250 last\r\n", chunking);

        Assert.Equal(3, feed.Replies.Count);
        Assert.Equal((250, SmtpReplyFlags.MismatchedCodes, 11L), (feed.Replies[0].Code, feed.Replies[0].Flags, feed.Replies[0].ByteCount));
        Assert.Equal(["first"], feed.Replies[0].Lines);
        Assert.Equal((0, SmtpReplyFlags.NonNumeric, 5L), (feed.Replies[1].Code, feed.Replies[1].Flags, feed.Replies[1].ByteCount));
        Assert.Equal(["25x"], feed.Replies[1].Lines);
        Assert.Equal((250, SmtpReplyFlags.None), (feed.Replies[2].Code, feed.Replies[2].Flags));
        Assert.True(feed.Parser.IsIdle);
    }

    [Fact]
    public void TryParse_QueuedReply_ReturnedWithoutConsuming()
    {
        var parser = new SmtpReplyParser();
        ReadOnlySpan<byte> data = "250-a\r\nxyz\r\nEVIL"u8;

        Assert.True(parser.TryParse(ref data, out var first));
        Assert.Equal(250, first.Code);
        Assert.False(parser.IsIdle);
        var afterFirst = data.Length;
        Assert.True(parser.TryParse(ref data, out var second));

        Assert.Equal(SmtpReplyFlags.NonNumeric, second.Flags);
        Assert.Equal(afterFirst, data.Length);
        Assert.Equal("EVIL"u8.ToArray(), data.ToArray());
        Assert.True(parser.IsIdle);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_BadSeparator_EndsReplyAsViolation(Chunking chunking)
    {
        var feed = ParserFeed.Run("250:odd\r\n250\tx\r\n", chunking);

        Assert.Equal(2, feed.Replies.Count);
        Assert.Equal([":odd"], feed.Replies[0].Lines);
        Assert.Equal(SmtpReplyFlags.BadSeparator, feed.Replies[0].Flags);
        Assert.True(feed.Replies[0].IsViolation);
        Assert.Equal(["\tx"], feed.Replies[1].Lines);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_EmptyAndShortLines_NonNumeric(Chunking chunking)
    {
        var feed = ParserFeed.Run("\r\n25\r\n", chunking);

        Assert.Equal(2, feed.Replies.Count);
        Assert.Equal([""], feed.Replies[0].Lines);
        Assert.Equal(["25"], feed.Replies[1].Lines);
        Assert.All(feed.Replies, r => Assert.Equal(SmtpReplyFlags.NonNumeric, r.Flags));
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_InvalidUtf8_ReplacementCharacter(Chunking chunking)
    {
        byte[] input = [.. "250 caf"u8, 0xC3, 0xA9, (byte)' ', 0xFF, 0xC3, (byte)'!', .. "\r\n"u8];

        var feed = ParserFeed.Run(input, chunking);

        Assert.Equal(["caf\u00E9 \uFFFD\uFFFD!"], Assert.Single(feed.Replies).Lines);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_EnhancedCode_ParsedWithoutAdvertisement(Chunking chunking)
    {
        var feed = ParserFeed.Run("554 5.7.1 <bob@elsewhere.example>: Relay access denied\r\n250 2.0.0Ok\r\n", chunking);

        Assert.Equal(new EnhancedStatusCode(5, 7, 1), feed.Replies[0].Enhanced);
        Assert.Equal(5, feed.Replies[0].ReplyClass);
        Assert.False(feed.Replies[0].IsPositive);
        Assert.Null(feed.Replies[1].Enhanced);
    }

    [Fact]
    public void Reset_DropsPartialReply()
    {
        var parser = new SmtpReplyParser();
        ReadOnlySpan<byte> data = "250-a\r\n250-b"u8;
        Assert.False(parser.TryParse(ref data, out _));

        Assert.False(parser.IsIdle);

        parser.Reset();
        data = "220 fresh\r\n"u8;

        Assert.True(parser.IsIdle);
        Assert.Equal(0, parser.BufferedLength);
        Assert.True(parser.TryParse(ref data, out var reply));
        Assert.Equal(["fresh"], reply.Lines);
        Assert.Equal(11, reply.ByteCount);
    }
}
