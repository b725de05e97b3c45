using System.Globalization;
using System.Text;
using NetTerm.Smtp.Replies;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Replay;

/// <summary>
/// A replay transcript (see Transcripts/README.md): one SMTP conversation as the server's byte streams (one per
/// TLS phase), the client lines expected in between, and the replies a parser must yield.
/// </summary>
internal sealed class TranscriptReplay
{
    private const string Folder = "Transcripts";

    private TranscriptReplay(string name, IReadOnlyList<TranscriptStep> steps)
    {
        Name = name;
        Steps = steps;
        var streams = new List<byte[]>();
        var current = new List<byte>();
        foreach (var step in steps)
        {
            if (step.Kind == TranscriptStepKind.Server)
            {
                current.AddRange(step.Bytes);
            }
            else if (step.Kind == TranscriptStepKind.Tls)
            {
                streams.Add([.. current]);
                current.Clear();
            }
        }

        streams.Add([.. current]);
        ServerStreams = streams;
        ClientLines = [.. steps.Where(s => s.Kind == TranscriptStepKind.Client).Select(s => s.Text)];
        ExpectedReplies = [.. steps.Where(s => s.Kind == TranscriptStepKind.Expect).Select(s => s.Expected!)];
    }

    public string Name { get; }

    public IReadOnlyList<TranscriptStep> Steps { get; }

    /// <summary>What the server sends, one stream per phase: before the first "! tls", after it, and so on.</summary>
    public IReadOnlyList<byte[]> ServerStreams { get; }

    /// <summary>Every server byte in order, ignoring TLS boundaries.</summary>
    public byte[] ServerBytes => [.. ServerStreams.SelectMany(s => s)];

    /// <summary>The lines the client is expected to send, without CRLF.</summary>
    public IReadOnlyList<string> ClientLines { get; }

    public IReadOnlyList<ExpectedReply> ExpectedReplies { get; }

    /// <summary>The names of all transcripts copied to the test output.</summary>
    public static IReadOnlyList<string> Names =>
    [
        .. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, Folder), "*.txt")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Every transcript under every chunking, for theories.</summary>
    public static TheoryData<string, Chunking> AllWithChunkings
    {
        get
        {
            var data = new TheoryData<string, Chunking>();
            foreach (var name in Names)
            {
                foreach (var chunking in Enum.GetValues<Chunking>())
                {
                    data.Add(name, chunking);
                }
            }

            return data;
        }
    }

    public static TranscriptReplay Load(string name) =>
        Parse(name, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, Folder, name)));

    /// <exception cref="FormatException">A line is not in the transcript format.</exception>
    public static TranscriptReplay Parse(string name, string text)
    {
        var steps = new List<TranscriptStep>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            steps.Add(ParseLine(line) ?? throw new FormatException($"{name}:{number}: cannot read '{line}'."));
        }

        return new TranscriptReplay(name, steps);
    }

    public override string ToString() => Name;

    private static TranscriptStep? ParseLine(string line)
    {
        if (line.StartsWith("S: ", StringComparison.Ordinal) || line == "S:")
        {
            var body = line.Length > 3 ? line[3..] : string.Empty;
            return new TranscriptStep(TranscriptStepKind.Server, Encoding.UTF8.GetBytes(body + "\r\n"), body, null);
        }

        if (line.StartsWith("S= ", StringComparison.Ordinal))
        {
            return new TranscriptStep(TranscriptStepKind.Server, DecodeExact(line[3..]), line[3..], null);
        }

        if (line.StartsWith("C: ", StringComparison.Ordinal))
        {
            return new TranscriptStep(TranscriptStepKind.Client, [], line[3..], null);
        }

        return line switch
        {
            "! tls" => new TranscriptStep(TranscriptStepKind.Tls, [], line, null),
            "! close" => new TranscriptStep(TranscriptStepKind.Close, [], line, null),
            _ when line.StartsWith("! expect ", StringComparison.Ordinal) =>
                new TranscriptStep(TranscriptStepKind.Expect, [], line, ParseExpect(line["! expect ".Length..])),
            _ => null,
        };
    }

    private static ExpectedReply ParseExpect(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var code = int.Parse(words[0], CultureInfo.InvariantCulture);
        var flags = SmtpReplyFlags.None;
        int? lines = null;
        string? enhanced = null;
        foreach (var word in words.Skip(1))
        {
            var (key, value) = (word[..word.IndexOf('=', StringComparison.Ordinal)], word[(word.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            switch (key)
            {
                case "flags":
                    flags = value.Split(',').Aggregate(SmtpReplyFlags.None, (f, n) => f | Enum.Parse<SmtpReplyFlags>(n));
                    break;
                case "lines":
                    lines = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "enhanced":
                    enhanced = value;
                    break;
                default:
                    throw new FormatException($"Unknown expectation '{word}'.");
            }
        }

        return new ExpectedReply(code, flags, lines, enhanced);
    }

    private static byte[] DecodeExact(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
            else if (i + 1 < text.Length && text[i + 1] == '%')
            {
                bytes.Add((byte)'%');
                i++;
            }
            else
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
        }

        return [.. bytes];
    }
}
