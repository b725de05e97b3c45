using System.Text;
using NetTerm.Smtp.Replies;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Replies;

public sealed partial class SmtpReplyParserTests
{
    private const int BufferSlack = 16;

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_OneMebibyteLineWithoutCrlf_BoundedAndNextReplyParses(Chunking chunking)
    {
        var line = new byte[1024 * 1024];
        Array.Fill(line, (byte)'x');
        "250 "u8.CopyTo(line);
        var feed = new ParserFeed();

        feed.Feed(line, chunking);

        Assert.Empty(feed.Replies);
        Assert.InRange(feed.MaxBuffered, SmtpReplyParser.MaxReplyBytes, SmtpReplyParser.MaxReplyBytes + BufferSlack);
        Assert.True(feed.MaxCapacity <= SmtpReplyParser.MaxReplyBytes + BufferSlack);

        feed.Feed(Encoding.ASCII.GetBytes("\r\n221 bye\r\n"), chunking);

        Assert.Equal(2, feed.Replies.Count);
        var big = feed.Replies[0];
        Assert.Equal(250, big.Code);
        Assert.Equal(SmtpReplyFlags.LineTooLong | SmtpReplyFlags.Truncated, big.Flags);
        Assert.Equal(line.Length + 2, big.ByteCount);
        Assert.Equal(SmtpReplyParser.MaxReplyBytes - 4, big.Lines[0].Length);
        Assert.Equal(["bye"], feed.Replies[1].Lines);
        Assert.Equal(SmtpReplyFlags.None, feed.Replies[1].Flags);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_LineOverFourKibibytes_FlaggedButKept(Chunking chunking)
    {
        var text = new string('y', SmtpReplyParser.MaxLineLength);

        var feed = ParserFeed.Run($"250 {text}\r\n250 {text[4..]}\r\n", chunking);

        Assert.Equal(SmtpReplyFlags.LineTooLong, feed.Replies[0].Flags);
        Assert.Equal(text, feed.Replies[0].Lines[0]);
        Assert.Equal(SmtpReplyFlags.None, feed.Replies[1].Flags);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_TenThousandLineEhlo_BoundedOneReplyInSync(Chunking chunking)
    {
        var text = new StringBuilder("250-mx.example.com\r\n");
        for (var i = 1; i < 9_999; i++)
        {
            text.Append("250-X-KEYWORD-").Append(i).Append("\r\n");
        }

        text.Append("250 SMTPUTF8\r\n221 next\r\n");
        var input = Encoding.ASCII.GetBytes(text.ToString());

        var feed = ParserFeed.Run(input, chunking);

        Assert.Equal(2, feed.Replies.Count);
        var ehlo = feed.Replies[0];
        Assert.Equal(SmtpReplyFlags.TooManyLines, ehlo.Flags);
        Assert.False(ehlo.IsViolation);
        Assert.Equal(SmtpReplyParser.MaxLines, ehlo.Lines.Count);
        Assert.Equal(10_000, ehlo.LineCount);
        Assert.Equal("X-KEYWORD-999", ehlo.Lines[^1]);
        Assert.Equal(input.Length - "221 next\r\n".Length, ehlo.ByteCount);
        Assert.Equal(221, feed.Replies[1].Code);
        Assert.True(feed.MaxBuffered <= SmtpReplyParser.MaxReplyBytes + BufferSlack);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void TryParse_ReplyOverByteBudget_LaterLinesCountedButEmpty(Chunking chunking)
    {
        var text = new StringBuilder();
        var line = new string('z', 1000);
        for (var i = 0; i < 70; i++)
        {
            text.Append("250-").Append(line).Append("\r\n");
        }

        text.Append("250 end\r\n");

        var feed = ParserFeed.Run(text.ToString(), chunking);

        // The budget counts raw line bytes ("250-" included): 65 whole lines of 1004 bytes, then 276 bytes of the
        // 66th (272 of text), then nothing.
        var reply = Assert.Single(feed.Replies);
        Assert.Equal(SmtpReplyFlags.Truncated, reply.Flags);
        Assert.Equal(71, reply.Lines.Count);
        Assert.All(reply.Lines.Take(65), l => Assert.Equal(line, l));
        Assert.Equal(272, reply.Lines[65].Length);
        Assert.All(reply.Lines.Skip(66), l => Assert.Equal(string.Empty, l));
        Assert.Equal(text.Length, reply.ByteCount);
    }

    [Fact]
    public void TryParse_RandomBytes_NeverThrowsBoundedAndAccountsForEveryByte()
    {
        var random = new Random(5321);
        var terminator = "\r\n000 end\r\n"u8.ToArray();
        for (var round = 0; round < 100; round++)
        {
            var input = new byte[random.Next(0, 3000)];
            random.NextBytes(input);
            for (var i = 0; i < input.Length; i++)
            {
                // Bias towards the bytes the grammar cares about.
                input[i] = (input[i] % 6) switch
                {
                    0 => (byte)'\n',
                    1 => (byte)'\r',
                    2 => (byte)('0' + (input[i] % 10)),
                    3 => (byte)'-',
                    _ => input[i],
                };
            }

            byte[] stream = [.. input, .. terminator];
            var whole = ParserFeed.Run(stream, Chunking.Whole);
            var perByte = ParserFeed.Run(stream, Chunking.PerByte);

            // The terminator ends any partial line and any open reply, so every byte belongs to some reply.
            Assert.Equal(stream.Length, whole.Replies.Sum(r => r.ByteCount));
            Assert.True(whole.Parser.IsIdle);
            Assert.Equal(Summary(whole), Summary(perByte));
        }
    }

    private static string[] Summary(ParserFeed feed) =>
        [.. feed.Replies.Select(r => $"{r.Code}|{r.Flags}|{r.ByteCount}|{r.LineCount}|{string.Join("\u0001", r.Lines)}")];
}
