using NetTerm.Smtp.Replies;
using NetTerm.Smtp.Tests.Replay;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Replies;

public sealed partial class SmtpReplyParserTests
{
    public static TheoryData<string, Chunking> Transcripts => TranscriptReplay.AllWithChunkings;

    [Fact]
    public void Transcripts_AllPresent()
    {
        Assert.Equal(
        [
            "auth-login.txt", "exchange.txt", "exim.txt", "gmail.txt", "midstream-421.txt", "no-esmtp.txt",
            "postfix.txt", "sendmail.txt", "smtp-sink.txt", "violations.txt",
        ], TranscriptReplay.Names);
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void TryParse_Transcript_YieldsExpectedRepliesAndIdleAtTlsBoundaries(string name, Chunking chunking)
    {
        var transcript = TranscriptReplay.Load(name);
        var parser = new SmtpReplyParser();
        var replies = new List<SmtpReply>();

        foreach (var stream in transcript.ServerStreams)
        {
            var before = replies.Count;
            foreach (var chunk in Chunker.Split(stream, chunking))
            {
                var span = chunk.Span;
                while (parser.TryParse(ref span, out var reply))
                {
                    replies.Add(reply);
                }
            }

            // A phase ends at "! tls" (or the end): nothing may be left over, or STARTTLS would refuse to go on.
            Assert.True(parser.IsIdle, $"{name}: bytes left in the parser at a phase boundary");
            Assert.Equal(stream.Length, replies.Skip(before).Sum(r => r.ByteCount));
            parser.Reset();
        }

        Assert.Equal(transcript.ExpectedReplies.Count, replies.Count);
        for (var i = 0; i < replies.Count; i++)
        {
            var expected = transcript.ExpectedReplies[i];
            var actual = replies[i];
            Assert.Equal((expected.Code, expected.Flags), (actual.Code, actual.Flags));
            Assert.Equal(expected.Enhanced, actual.Enhanced?.ToString());
            if (expected.Lines is { } lines)
            {
                Assert.Equal(lines, actual.LineCount);
            }
        }
    }
}
