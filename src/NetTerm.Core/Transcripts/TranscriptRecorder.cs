using System.Reflection;
using NetTerm.Core.Sessions;

namespace NetTerm.Core.Transcripts;

/// <summary>
/// A transcript: turns session events into escaped, direction-tagged lines (one per protocol line, over-long lines
/// split at the cap, sent lines redacted, hidden lines reduced to their length) and hands each to its format
/// (<see cref="TranscriptWriter"/> for text, <see cref="JsonLinesTranscriptWriter"/> for JSON lines). Lines are
/// buffered and handed to the OS at most <see cref="FlushInterval"/> after they are written (and by
/// <see cref="Flush"/>, <see cref="FlushPending"/> and <see cref="Dispose"/>), so a flood costs one write per
/// buffer, not one per line; a hard kill (SIGKILL) loses at most that interval, and the host disposes the writer on
/// every other way out (quit, close, SIGTERM, SIGHUP, an unhandled exception).
/// </summary>
/// <remarks>
/// Writes are synchronous on purpose: they are one short append under a lock, called from the session read loop
/// and the UI thread. Write errors (disk full) propagate to the caller; one met by the background flush is thrown
/// by the next write. Writes after <see cref="Dispose"/> are ignored, so a read loop racing shutdown does not fail.
/// </remarks>
public abstract partial class TranscriptRecorder : ITranscriptSink
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TranscriptLineAssembler _received;
    private readonly TranscriptLineAssembler _sent;
    private readonly TranscriptLineAssembler _notes;
    private readonly TranscriptLineHandler _emit;
    private ISecretRedactor? _redactor;
    private bool _disposed;

    /// <summary>The session is under TLS (after TlsEstablished, until the connection closes); formats may flag
    /// notes with it.</summary>
    private bool _sessionTls;

    /// <summary>The sent line being emitted stands for a hidden one.</summary>
    private bool _hidden;

    /// <summary>Starts a transcript on <paramref name="stream"/> and writes its header line.</summary>
    private protected TranscriptRecorder(Stream stream, TranscriptOptions? options, bool leaveOpen, ITranscriptLineFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new TranscriptOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLineLength, TranscriptOptions.MinimumLineLength, nameof(options));
        _time = options.TimeProvider;
        _received = new TranscriptLineAssembler(options.MaxLineLength);
        _sent = new TranscriptLineAssembler(options.MaxLineLength);
        _notes = new TranscriptLineAssembler(options.MaxLineLength);
        _emit = EmitLine;
        _stream = stream;
        _leaveOpen = leaveOpen;
        _format = format;
        _flushTimer = _time.CreateTimer(_ => FlushFromTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var now = _time.GetLocalNow();
        var version = options.ProgramVersion
            ?? typeof(TranscriptRecorder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "unknown";
        lock (_gate)
            WriteNote(TranscriptTags.Info, format.Header(version, now), now);
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
                WriteSentCore($"[{e.Length} characters hidden]", e.Tls, redact: false, hidden: true, at);
                return;
            case LineSentEvent e:
                WriteSentCore(e.Text, e.Tls, redact: true, hidden: false, at);
                return;
            case BytesSentEvent e:
                var text = e.Hidden ? $"[{e.Raw.Length} bytes hidden]" : e.Description ?? $"[{e.Raw.Length} bytes]";
                WriteSentCore(text, e.Tls, redact: false, hidden: e.Hidden, at);
                return;
        }

        lock (_gate)
        {
            if (sessionEvent is TlsEstablishedEvent)
                _sessionTls = true;
            else if (sessionEvent is ConnectingEvent)
                _sessionTls = false;
            if (TranscriptEventText.Describe(sessionEvent) is var (tag, note))
                WriteNote(tag, note, at);
            if (sessionEvent is TlsEstablishedEvent tls && TranscriptEventText.DescribeInsecure(tls) is { } insecure)
                WriteNote(TranscriptTags.Error, insecure, at);
            // The close note itself still belongs to the TLS connection.
            if (sessionEvent is ClosedEvent)
                _sessionTls = false;
        }
    }

    public void WriteReceived(string text, bool tls) => WriteReceived(text, tls, _time.GetLocalNow());

    public void WriteSent(string line, bool tls, bool hidden)
    {
        ArgumentNullException.ThrowIfNull(line);
        // A hidden line's text is never looked at beyond its length, not even by the redactor.
        WriteSentCore(hidden ? $"[{line.Length} characters hidden]" : line, tls, redact: !hidden, hidden, _time.GetLocalNow());
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
                Close();
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Opens (or, with <see cref="TranscriptOptions.Append"/>, appends to) <paramref name="path"/> for
    /// <paramref name="create"/>; others may read the file while it is written.</summary>
    private protected static T OpenFile<T>(string path, TranscriptOptions? options, Func<Stream, TranscriptOptions, T> create)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new TranscriptOptions();
        // Unbuffered: the recorder buffers itself, so a second copy through the FileStream's buffer would be waste.
        var stream = new FileStream(path, options.Append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read,
            bufferSize: 0);
        try
        {
            return create(stream, options);
        }
        catch
        {
            stream.Dispose();
            throw;
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

    private void WriteSentCore(string text, bool tls, bool redact, bool hidden, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (_disposed)
                return;
            if (redact && _redactor?.RedactSent(text) is { } masked)
                text = masked;
            _received.Flush(_emit);
            _hidden = hidden;
            try
            {
                _sent.AppendLine(text, tls ? TranscriptTags.SentTls : TranscriptTags.Sent, at, _emit);
            }
            finally
            {
                _hidden = false;
            }
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
}
