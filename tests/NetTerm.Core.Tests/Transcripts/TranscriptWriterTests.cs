using System.Text;
using NetTerm.Core.Terminal;
using NetTerm.Core.Tests.Terminal;
using NetTerm.Core.Transcripts;

namespace NetTerm.Core.Tests.Transcripts;

public sealed partial class TranscriptWriterTests : IDisposable
{
    private readonly TranscriptTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private TranscriptWriter Open(int maxLineLength = 4096, bool append = false)
    {
        var writer = TranscriptWriter.Open(_files.Path, new TranscriptOptions { MaxLineLength = maxLineLength, Append = append, ProgramVersion = "9.8.7" });
        _files.BeforeRead = writer.Flush;
        return writer;
    }

    [Fact]
    public void Open_FixedClock_WritesHeaderWithIsoTimestamp()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 11, 28, 11, 17, 36, 123, TimeSpan.Zero));
        using (var writer = TranscriptWriter.Open(_files.Path, new TranscriptOptions { ProgramVersion = "1.2.3", TimeProvider = clock }))
            writer.WriteReceived("220 ready\r\n", tls: false);

        var lines = _files.ReadLines();
        Assert.Equal(
            [
                "2026-11-28T13:17:36.123+02:00 === netterm transcript, version 1.2.3, started 2026-11-28T13:17:36.123+02:00",
                "2026-11-28T13:17:36.123+02:00 <-  220 ready",
                "2026-11-28T13:17:36.123+02:00 === netterm transcript closed",
            ],
            lines);
    }

    [Fact]
    public void WriteReceived_CompleteLine_IsInFileWhileWriterOpen()
    {
        using var writer = Open();

        writer.WriteReceived("220 mail.example.com ESMTP\r\n250 second\n", tls: false);

        var entries = _files.ReadEntries();
        Assert.Equal(("===", "netterm transcript, version 9.8.7, started "), (entries[0].Tag, entries[0].Text[..43]));
        Assert.Equal([("<- ", "220 mail.example.com ESMTP"), ("<- ", "250 second")], entries[1..]);
    }

    [Fact]
    public void WriteReceived_PartialLine_HeldUntilLineFeed()
    {
        using var writer = Open();

        writer.WriteReceived("250-first\r\n250 sec", tls: false);
        Assert.Equal([("<- ", "250-first")], _files.ReadEntries()[1..]);

        writer.WriteReceived("ond\r", tls: false);
        writer.WriteReceived("\n", tls: false);
        Assert.Equal([("<- ", "250-first"), ("<- ", "250 second")], _files.ReadEntries()[1..]);
    }

    [Fact]
    public void WriteSent_AfterPartialReceivedLine_FlushesPartialFirst()
    {
        using var writer = Open();

        writer.WriteReceived("login: ", tls: false);
        writer.WriteSent("alice", tls: false, hidden: false);
        writer.WriteReceived("Password:", tls: false);
        writer.WriteInfo("note");

        Assert.Equal([("<- ", "login: "), (" ->", "alice"), ("<- ", "Password:"), ("===", "note")], _files.ReadEntries()[1..]);
    }

    [Fact]
    public void WriteReceived_TlsChangesMidLine_FlushesAndRetags()
    {
        using var writer = Open();

        writer.WriteReceived("plain", tls: false);
        writer.WriteReceived("secure\r\n", tls: true);
        writer.WriteSent("EHLO x", tls: true, hidden: false);
        writer.WriteSent("QUIT", tls: false, hidden: false);

        Assert.Equal([("<- ", "plain"), ("<~ ", "secure"), (" ~>", "EHLO x"), (" ->", "QUIT")], _files.ReadEntries()[1..]);
    }

    [Fact]
    public void WriteReceived_ControlsAndBidi_EscapedWithNoRawControlInFile()
    {
        using (var writer = Open())
        {
            writer.WriteReceived("\u001b[2J\ta\u202eb\rc\u009b\u0000\r\n", tls: false);
            writer.WriteSent("x\u001b]52;c;AAAA\u0007", tls: false, hidden: false);
            writer.WriteError("bad\nthing");
        }

        var entries = _files.ReadEntries();
        Assert.Equal(("<- ", "\\x1b[2J\\x09a\\u202eb\\x0dc\\u009b\\x00"), entries[1]);
        Assert.Equal((" ->", "x\\x1b]52;c;AAAA\\x07"), entries[2]);
        Assert.Equal([("** ", "bad"), ("** ", "thing")], entries[3..5]);
        foreach (var line in _files.ReadLines())
            ControlEscaperTests.AssertClean(line, allowTabAndLf: false);
    }

    [Fact]
    public void WriteSent_EmptyLine_IsLoggedAsEmptyLine()
    {
        using var writer = Open();

        writer.WriteSent("", tls: false, hidden: false);

        Assert.Equal([(" ->", "")], _files.ReadEntries()[1..]);
    }

    [Fact]
    public void WriteReceived_TenMegabytesWithoutLineFeed_StaysBoundedAndLosesNothing()
    {
        const int cap = 4096;
        var chunk = new string('a', 65_536);
        using (var writer = Open(cap))
        {
            for (var i = 0; i < 160; i++)
            {
                writer.WriteReceived(chunk, tls: false);
                Assert.InRange(writer.PendingLength, 0, cap);
            }
        }

        var entries = _files.ReadEntries()[1..^1];
        Assert.All(entries[..^1], e => Assert.Equal(cap + 2, e.Text.Length));
        Assert.All(entries[..^1], e => Assert.EndsWith(TranscriptTags.ContinuationMarker, e.Text, StringComparison.Ordinal));
        Assert.InRange(entries[^1].Text.Length, 1, cap);
        Assert.Equal(160L * 65_536, entries.Sum(e => (long)e.Text.TrimEnd('\\', ' ').Length));
    }

    [Theory]
    [InlineData(16, 1)]
    [InlineData(17, 3)]
    [InlineData(64, 7)]
    [InlineData(4096, 2)]
    public void WriteReceived_LongLinesWithEscapes_SplitOnlyBetweenEscapes(int cap, int seed)
    {
        var random = new Random(seed);
        var input = new StringBuilder();
        for (var i = 0; i < 400; i++)
            input.Append(EscaperFuzz.RandomText(random).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal));
        var text = input.ToString();

        using (var writer = Open(cap))
        {
            for (var position = 0; position < text.Length;)
            {
                var length = Math.Min(random.Next(1, 300), text.Length - position);
                writer.WriteReceived(text.Substring(position, length), tls: false);
                Assert.InRange(writer.PendingLength, 0, cap);
                position += length;
            }
        }

        var pieces = _files.ReadEntries().Where(e => e.Tag == "<- ").ToArray();
        var joined = new StringBuilder();
        foreach (var (_, piece) in pieces[..^1])
        {
            Assert.EndsWith(TranscriptTags.ContinuationMarker, piece, StringComparison.Ordinal);
            Assert.InRange(piece.Length, cap - ControlEscaper.MaxUnitLength + 1, cap + 2);
            joined.Append(piece.AsSpan(0, piece.Length - 2));
        }

        joined.Append(pieces[^1].Text);
        Assert.Equal(ControlEscaper.Escape(text, ControlEscaperOptions.Transcript), joined.ToString());
    }

    [Fact]
    public void Open_MaxLineLengthBelowMinimum_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TranscriptWriter(new MemoryStream(), new TranscriptOptions { MaxLineLength = 15 }));
    }

    [Fact]
    public void Open_Append_KeepsEarlierTranscript()
    {
        using (var first = Open())
            first.WriteInfo("first session");
        using (var second = Open(append: true))
            second.WriteInfo("second session");
        using (var third = Open(append: true))
            third.WriteInfo("third session");

        var texts = _files.ReadEntries().Select(e => e.Text).ToArray();
        Assert.Equal(9, texts.Length);
        Assert.Equal(["first session", "second session", "third session"], texts.Where(t => t.EndsWith(" session", StringComparison.Ordinal)));

        using (var fresh = Open())
            fresh.WriteInfo("fresh");
        Assert.DoesNotContain(_files.ReadEntries(), e => e.Text == "first session");
    }

    [Fact]
    public void Dispose_PendingPartialLine_IsWrittenAndLaterWritesIgnored()
    {
        var writer = Open();
        writer.WriteReceived("no newline\r", tls: true);

        writer.Dispose();
        writer.WriteReceived("late\n", tls: false);
        writer.WriteInfo("late");
        writer.Dispose();

        Assert.Equal([("<~ ", "no newline\\x0d"), ("===", "netterm transcript closed")], _files.ReadEntries()[1..]);
    }

    [Fact]
    public void FlushPending_PartialPrompt_WrittenOnce()
    {
        using var writer = Open();

        writer.WriteReceived("Password: ", tls: false);
        writer.FlushPending();
        writer.FlushPending();
        writer.WriteReceived("\r\n", tls: false);

        Assert.Equal([("<- ", "Password: "), ("<- ", "")], _files.ReadEntries()[1..]);
    }

    [Fact]
    public void Write_ConcurrentWriters_EveryLineWholeAndPresent()
    {
        using (var writer = Open())
        {
            Parallel.For(0, 4, worker =>
            {
                for (var i = 0; i < 500; i++)
                {
                    if (worker % 2 == 0)
                        writer.WriteSent($"sent {worker} {i}", tls: false, hidden: false);
                    else
                        writer.WriteReceived($"recv {worker} {i}\r\n", tls: false);
                }
            });
        }

        var entries = _files.ReadEntries();
        Assert.Equal(2002, entries.Length);
        Assert.Equal(2000, entries.Select(e => e.Text).Where(t => t.StartsWith("sent ", StringComparison.Ordinal) || t.StartsWith("recv ", StringComparison.Ordinal)).Distinct().Count());
    }

    [Fact]
    public void Ctor_StreamLeftOpen_WritesUtf8WithoutBom()
    {
        using var stream = new MemoryStream();
        using (var writer = new TranscriptWriter(stream, new TranscriptOptions { ProgramVersion = "x" }, leaveOpen: true))
            writer.WriteReceived("héllo 😀\n", tls: false);

        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        var lines = Encoding.UTF8.GetString(bytes).TrimEnd('\n').Split('\n');
        Assert.Equal(("<- ", "héllo 😀"), TranscriptTestFiles.Parse(lines[1]));
    }
}

public sealed class TranscriptWriterFlushTests : IDisposable
{
    private readonly TranscriptTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Write_NoExplicitFlush_LineReachesTheFileByItself()
    {
        using var writer = TranscriptWriter.Open(_files.Path, new TranscriptOptions { ProgramVersion = "1" });

        writer.WriteReceived("250 ok\r\n", tls: false);

        // The background flush hands it to the OS within FlushInterval; wait for it generously.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_files.ReadLines().Length < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(("<- ", "250 ok"), TranscriptTestFiles.Parse(_files.ReadLines()[1]));
    }

    [Fact]
    public void Dispose_ManyBufferedLines_EveryLineWrittenInOrder()
    {
        const int Count = 50_000;
        using (var writer = TranscriptWriter.Open(_files.Path, new TranscriptOptions { ProgramVersion = "1" }))
        {
            var chunk = new System.Text.StringBuilder();
            for (var i = 1; i <= Count; i++)
            {
                chunk.Append("line ").Append(i).Append("\r\n");
                if (i % 700 == 0 || i == Count)
                {
                    writer.WriteReceived(chunk.ToString(), tls: false);
                    chunk.Clear();
                }
            }
        }

        var entries = _files.ReadEntries();
        Assert.Equal(Count + 2, entries.Length);
        Assert.Equal(Enumerable.Range(1, Count).Select(i => ("<- ", "line " + i)), entries[1..^1]);
        Assert.Equal(("===", "netterm transcript closed"), entries[^1]);
    }

    [Fact]
    public void Flush_AfterDispose_DoesNothing()
    {
        var writer = TranscriptWriter.Open(_files.Path, new TranscriptOptions { ProgramVersion = "1" });
        writer.WriteReceived("x\n", tls: false);
        writer.Dispose();

        writer.Flush();

        Assert.Equal(3, _files.ReadLines().Length);
    }
}
