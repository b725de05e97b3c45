using System.Text;
using NetTerm.Smtp.Replies;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Replies;

/// <summary>Feeds a byte stream to an <see cref="SmtpReplyParser"/> in chunks and records what came out.</summary>
internal sealed class ParserFeed
{
    public SmtpReplyParser Parser { get; } = new();

    public List<SmtpReply> Replies { get; } = [];

    /// <summary>The largest <see cref="SmtpReplyParser.BufferedLength"/> seen after any call.</summary>
    public int MaxBuffered { get; private set; }

    /// <summary>The largest <see cref="SmtpReplyParser.BufferCapacity"/> seen after any call.</summary>
    public int MaxCapacity { get; private set; }

    public static ParserFeed Run(string text, Chunking chunking) => Run(Encoding.UTF8.GetBytes(text), chunking);

    public static ParserFeed Run(byte[] input, Chunking chunking)
    {
        var feed = new ParserFeed();
        feed.Feed(input, chunking);
        return feed;
    }

    public void Feed(byte[] input, Chunking chunking)
    {
        foreach (var chunk in Chunker.Split(input, chunking))
        {
            var span = chunk.Span;
            while (true)
            {
                var got = Parser.TryParse(ref span, out var reply);
                MaxBuffered = Math.Max(MaxBuffered, Parser.BufferedLength);
                MaxCapacity = Math.Max(MaxCapacity, Parser.BufferCapacity);
                if (!got)
                {
                    Assert.True(span.IsEmpty, "TryParse returned false without consuming everything.");
                    break;
                }

                Replies.Add(reply!);
            }
        }
    }

    /// <summary>Feeds until the first reply and returns it with every byte not consumed by then.</summary>
    public static (SmtpReply? Reply, byte[] Unconsumed) FirstReply(byte[] input, Chunking chunking, SmtpReplyParser parser)
    {
        var chunks = Chunker.Split(input, chunking).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var span = chunks[i].Span;
            if (parser.TryParse(ref span, out var reply))
            {
                return (reply, [.. span.ToArray(), .. chunks.Skip(i + 1).SelectMany(c => c.ToArray())]);
            }
        }

        return (null, []);
    }
}
