using System.Globalization;
using System.Reflection;
using System.Text;
using NetTerm.Core.Sessions;

namespace NetTerm.Core.Transcripts;

/// <summary>
/// Writes the human-readable transcript: one line per protocol line, each
/// <c>2026-11-28T13:17:36.123+00:00 &lt;-  text</c>, tagged after swaks (<see cref="TranscriptTags"/>), with every
/// control character escaped. Lines are buffered and handed to the OS at most <see cref="FlushInterval"/> after
/// they are written (and by <see cref="Flush"/>, <see cref="FlushPending"/> and <see cref="Dispose"/>), so a flood
/// costs one write per buffer, not one per line; a hard kill (SIGKILL) loses at most that interval, and the host
/// disposes the writer on every other way out (quit, close, SIGTERM, SIGHUP, an unhandled exception).
/// </summary>
/// <remarks>
/// Writes are synchronous on purpose: they are one short append under a lock, called from the session read loop
/// and the UI thread. Write errors (disk full) propagate to the caller; one met by the background flush is thrown
/// by the next write. Writes after <see cref="Dispose"/> are ignored, so a read loop racing shutdown does not fail.
/// </remarks>
public sealed class TranscriptWriter : ITranscriptSink
{
    private const int BufferSize = 64 * 1024;

    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;
    private readonly TimeProvider _time;
    private readonly TranscriptLineAssembler _received;
    private readonly TranscriptLineAssembler _sent;
    private readonly TranscriptLineAssembler _notes;
    private readonly TranscriptLineHandler _emit;
    private readonly StringBuilder _lineBuilder = new();
    private readonly ITimer _flushTimer;
    private ISecretRedactor? _redactor;
    private bool _disposed;

    /// <summary>Lines are buffered since the last flush; the timer is armed.</summary>
    private bool _dirty;

    private DateTimeOffset _stampTime;
    private string? _stampText;

    /// <summary>An error of the background flush, thrown to the next writer.</summary>
    private IOException? _flushError;

    /// <summary>The longest a written line stays in the buffer before it is handed to the OS.</summary>
    public static TimeSpan FlushInterval { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Starts a transcript on <paramref name="stream"/> and writes its header line.</summary>
    public TranscriptWriter(Stream stream, TranscriptOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new TranscriptOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLineLength, TranscriptOptions.MinimumLineLength, nameof(options));
        _time = options.TimeProvider;
        _received = new TranscriptLineAssembler(options.MaxLineLength);
        _sent = new TranscriptLineAssembler(options.MaxLineLength);
        _notes = new TranscriptLineAssembler(options.MaxLineLength);
        _emit = EmitLine;
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize, leaveOpen);
        _flushTimer = _time.CreateTimer(_ => FlushFromTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var now = _time.GetLocalNow();
        var version = options.ProgramVersion
            ?? typeof(TranscriptWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "unknown";
        WriteNote(TranscriptTags.Info,
            $"netterm transcript, version {version}, started {now.ToString(TranscriptTags.TimestampFormat, CultureInfo.InvariantCulture)}",
            now);
    }

    /// <summary>Creates (or, with <see cref="TranscriptOptions.Append"/>, appends to) a transcript file. Others
    /// may read the file while it is written.</summary>
    public static TranscriptWriter Open(string path, TranscriptOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new TranscriptOptions();
        var stream = new FileStream(path, options.Append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read,
            bufferSize: BufferSize);
        try
        {
            return new TranscriptWriter(stream, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public ISecretRedactor? Redactor
    {
        get { lock (_gate) return _redactor; }
        set { lock (_gate) _redactor = value; }
    }

    /// <summary>Escaped characters held for unfinished lines (tests check that it stays within the cap).</summary>
    internal int PendingLength
    {
        get { lock (_gate) return Math.Max(_received.PendingLength, Math.Max(_sent.PendingLength, _notes.PendingLength)); }
    }

    public void Write(SessionEvent sessionEvent)
    {
        ArgumentNullException.ThrowIfNull(sessionEvent);
        var at = sessionEvent.Timestamp;
        switch (sessionEvent)
        {
            case DataReceivedEvent e:
                WriteReceived(e.Text, e.Tls, at);
                return;
            case LineSentEvent { Hidden: true } e:
                WriteSentCore($"[{e.Length} characters hidden]", e.Tls, redact: false, at);
                return;
            case LineSentEvent e:
                WriteSentCore(e.Text, e.Tls, redact: true, at);
                return;
            case BytesSentEvent e:
                var text = e.Hidden ? $"[{e.Raw.Length} bytes hidden]" : e.Description ?? $"[{e.Raw.Length} bytes]";
                WriteSentCore(text, e.Tls, redact: false, at);
                return;
        }

        lock (_gate)
        {
            if (TranscriptEventText.Describe(sessionEvent) is var (tag, note))
                WriteNote(tag, note, at);
            if (sessionEvent is TlsEstablishedEvent tls && TranscriptEventText.DescribeInsecure(tls) is { } insecure)
                WriteNote(TranscriptTags.Error, insecure, at);
        }
    }

    public void WriteReceived(string text, bool tls) => WriteReceived(text, tls, _time.GetLocalNow());

    public void WriteSent(string line, bool tls, bool hidden)
    {
        ArgumentNullException.ThrowIfNull(line);
        // A hidden line's text is never looked at beyond its length, not even by the redactor.
        WriteSentCore(hidden ? $"[{line.Length} characters hidden]" : line, tls, redact: !hidden, _time.GetLocalNow());
    }

    public void WriteInfo(string message) => WriteNoteLocked(TranscriptTags.Info, message);

    public void WriteError(string message) => WriteNoteLocked(TranscriptTags.Error, message);

    public void FlushPending()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _received.Flush(_emit);
            FlushLocked();
        }
    }

    /// <summary>Hands the buffered lines to the OS now (the unfinished received line stays pending).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (!_disposed)
                FlushLocked();
        }
    }

    /// <summary>Writes out any unfinished line and a closing note, then closes the stream (unless left open).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            try
            {
                WriteNote(TranscriptTags.Info, "netterm transcript closed", _time.GetLocalNow());
            }
            finally
            {
                _disposed = true;
                _flushTimer.Dispose();
                _writer.Dispose();
            }
        }
    }

    private void WriteReceived(string text, bool tls, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tag = tls ? TranscriptTags.ReceivedTls : TranscriptTags.Received;
        lock (_gate)
        {
            if (_disposed)
                return;
            // A change of tag (STARTTLS) ends the pending line, as a change of direction does.
            if (_received.HasPending && _received.Tag != tag)
                _received.Flush(_emit);
            _received.Append(text, tag, at, _emit);
        }
    }

    private void WriteSentCore(string text, bool tls, bool redact, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (_disposed)
                return;
            if (redact && _redactor?.RedactSent(text) is { } masked)
                text = masked;
            _received.Flush(_emit);
            _sent.AppendLine(text, tls ? TranscriptTags.SentTls : TranscriptTags.Sent, at, _emit);
        }
    }

    private void WriteNoteLocked(string tag, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
            WriteNote(tag, message, _time.GetLocalNow());
    }

    // Caller holds the lock. Info and error lines end any partial received line first, so the order on the page
    // is the order of events.
    private void WriteNote(string tag, string message, DateTimeOffset at)
    {
        if (_disposed)
            return;
        _received.Flush(_emit);
        _notes.AppendLine(message, tag, at, _emit);
    }

    private void EmitLine(DateTimeOffset timestamp, string tag, ReadOnlySpan<char> text, bool continued)
    {
        // The lines of one received chunk share its timestamp: format it once.
        if (_stampText is null || timestamp != _stampTime || timestamp.Offset != _stampTime.Offset)
        {
            _stampTime = timestamp;
            _stampText = timestamp.ToString(TranscriptTags.TimestampFormat, CultureInfo.InvariantCulture);
        }

        var line = _lineBuilder.Clear();
        line.Append(_stampText)
            .Append(' ').Append(tag).Append(' ').Append(text);
        if (continued)
            line.Append(TranscriptTags.ContinuationMarker);
        line.Append('\n');
        if (_flushError is { } error)
        {
            _flushError = null;
            throw error;
        }

        _writer.Write(line);
        if (!_dirty)
        {
            _dirty = true;
            _flushTimer.Change(FlushInterval, Timeout.InfiniteTimeSpan);
        }
    }

    // Caller holds the lock.
    private void FlushLocked()
    {
        _dirty = false;
        _flushTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        // StreamWriter.Flush also flushes the FileStream, handing the lines to the OS.
        _writer.Flush();
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
