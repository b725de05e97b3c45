using System.Buffers;

namespace NetTerm.Core.Transcripts;

public abstract partial class TranscriptRecorder
{
    /// <summary>Bytes gathered before they are handed to the stream even if the timer has not fired yet.</summary>
    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ITranscriptLineFormat _format;
    private readonly ITimer _flushTimer;

    // One line past the threshold at most, so this stays near BufferSize whatever the peer sends.
    private readonly ArrayBufferWriter<byte> _buffer = new(BufferSize + 4096);

    /// <summary>Lines are buffered since the last flush; the timer is armed.</summary>
    private bool _dirty;

    /// <summary>An error of the background flush, thrown to the next writer.</summary>
    private IOException? _flushError;

    /// <summary>The longest a written line stays in the buffer before it is handed to the OS.</summary>
    public static TimeSpan FlushInterval { get; } = TimeSpan.FromMilliseconds(100);

    // Caller holds the lock (every assembler call is made under it).
    private void EmitLine(DateTimeOffset timestamp, string tag, ReadOnlySpan<char> text, bool continued)
    {
        if (_flushError is { } error)
        {
            _flushError = null;
            throw error;
        }

        _format.Write(new TranscriptLine(timestamp, tag, text, continued, _hidden, _sessionTls), _buffer);
        if (!_dirty)
        {
            _dirty = true;
            _flushTimer.Change(FlushInterval, Timeout.InfiniteTimeSpan);
        }

        if (_buffer.WrittenCount >= BufferSize)
            WriteBuffer();
    }

    // Caller holds the lock.
    private void FlushLocked()
    {
        _dirty = false;
        _flushTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        WriteBuffer();
        _stream.Flush();
    }

    // Caller holds the lock. A failed write drops its lines rather than writing part of them twice on the retry.
    private void WriteBuffer()
    {
        if (_buffer.WrittenCount == 0)
            return;
        try
        {
            _stream.Write(_buffer.WrittenSpan);
        }
        finally
        {
            _buffer.ResetWrittenCount();
        }
    }

    // Caller holds the lock. The buffered lines go out even when the closing note failed.
    private void Close()
    {
        try
        {
            FlushLocked();
        }
        finally
        {
            _disposed = true;
            _flushTimer.Dispose();
            (_format as IDisposable)?.Dispose();
            if (!_leaveOpen)
                _stream.Dispose();
        }
    }

    private void FlushFromTimer()
    {
        lock (_gate)
        {
            if (_disposed || !_dirty)
                return;
            try
            {
                FlushLocked();
            }
            catch (IOException ex)
            {
                _flushError = ex;
            }
        }
    }
}
