using Microsoft.Extensions.Time.Testing;
using NetTerm.Core.Transcripts;

namespace NetTerm.Core.Tests.Transcripts;

/// <summary>The buffering both formats share, on a clock whose timer fires only when the test advances it.</summary>
public sealed class TranscriptRecorderTests : IDisposable
{
    private readonly TranscriptTestFiles _files = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 11, 17, 36, TimeSpan.Zero));

    public static TheoryData<string> Formats => ["text", "jsonl"];

    public void Dispose() => _files.Dispose();

    private TranscriptRecorder Open(string format)
    {
        var options = new TranscriptOptions { ProgramVersion = "1", TimeProvider = _clock };
        return format == "jsonl" ? JsonLinesTranscriptWriter.Open(_files.Path, options) : TranscriptWriter.Open(_files.Path, options);
    }

    private long FileLength() => new FileInfo(_files.Path).Length;

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_NoFlush_HeldUntilFlushIntervalThenWritten(string format)
    {
        using var writer = Open(format);

        writer.WriteReceived("250 ok\r\n", tls: false);
        _clock.Advance(TranscriptRecorder.FlushInterval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, FileLength());

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _files.ReadLines().Length);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void FlushAndFlushPending_BufferedLines_WrittenAtOnce(string format)
    {
        using var writer = Open(format);

        writer.WriteReceived("250 ok\r\nPassword: ", tls: false);
        writer.Flush();
        Assert.Equal(2, _files.ReadLines().Length);

        writer.FlushPending();
        Assert.Equal(3, _files.ReadLines().Length);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_FloodWithoutTimer_BufferStaysBounded(string format)
    {
        long beforeClose;
        using (var writer = Open(format))
        {
            for (var i = 0; i < 2_000; i++)
                writer.WriteReceived(string.Concat(Enumerable.Repeat($"250-line {i} of the flood\r\n", 20)), tls: false);
            beforeClose = FileLength();
        }

        // Without a timer tick, all but the last ~64 KiB (and the closing line) already went to the file.
        Assert.InRange(FileLength() - beforeClose, 1, 80 * 1024);
        Assert.Equal(40_002, _files.ReadLines().Length);
    }
}
