using System.Text;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Tests.Replay;

public sealed class TranscriptReplayTests
{
    [Fact]
    public void Parse_AllLineKinds_StepsBytesAndClientLines()
    {
        var transcript = TranscriptReplay.Parse("inline", """
            # a comment

            S: 220 ready
            ! expect 220
            C: STARTTLS
            S= 220 go%0D%0A%%%FF
            ! expect 250 flags=BareLf,MismatchedCodes lines=2 enhanced=2.0.0
            ! tls
            S: 250 ok
            ! close
            """);

        Assert.Equal(
            [TranscriptStepKind.Server, TranscriptStepKind.Expect, TranscriptStepKind.Client, TranscriptStepKind.Server,
             TranscriptStepKind.Expect, TranscriptStepKind.Tls, TranscriptStepKind.Server, TranscriptStepKind.Close],
            transcript.Steps.Select(s => s.Kind));
        Assert.Equal(2, transcript.ServerStreams.Count);
        Assert.Equal([.. "220 ready\r\n220 go\r\n%"u8, 0xFF], transcript.ServerStreams[0]);
        Assert.Equal("250 ok\r\n"u8.ToArray(), transcript.ServerStreams[1]);
        Assert.Equal(["STARTTLS"], transcript.ClientLines);
        Assert.Equal(
            new ExpectedReply(250, SmtpReplyFlags.BareLf | SmtpReplyFlags.MismatchedCodes, 2, "2.0.0"),
            transcript.ExpectedReplies[1]);
        Assert.Equal(new ExpectedReply(220, SmtpReplyFlags.None, null, null), transcript.ExpectedReplies[0]);
    }

    [Fact]
    public void Parse_UnknownLine_Throws()
    {
        var error = Assert.Throws<FormatException>(() => TranscriptReplay.Parse("bad", "S: 220 x\nX: nope\n"));

        Assert.Contains("bad:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Postfix_ClientLinesAndUtf8ServerBytes()
    {
        var transcript = TranscriptReplay.Load("postfix.txt");

        Assert.Equal(
            ["EHLO client.example.net", "MAIL FROM:<alice@client.example.net>", "RCPT TO:<bob@elsewhere.example>", "STARTTLS", "EHLO client.example.net", "QUIT"],
            transcript.ClientLines);
        Assert.StartsWith("220 mx.example.com ESMTP Postfix (Debian/GNU)\r\n250-mx.example.com\r\n", Encoding.UTF8.GetString(transcript.ServerBytes), StringComparison.Ordinal);
        Assert.EndsWith("220 2.0.0 Ready to start TLS\r\n", Encoding.UTF8.GetString(transcript.ServerStreams[0]), StringComparison.Ordinal);
        Assert.Equal(TranscriptStepKind.Close, transcript.Steps[^1].Kind);
    }
}
