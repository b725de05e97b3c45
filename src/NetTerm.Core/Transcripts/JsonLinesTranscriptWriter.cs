using System.Reflection;
using NetTerm.Core.Sessions;

namespace NetTerm.Core.Transcripts;

/// <summary>
/// The transcript as JSON lines (`--log-format jsonl`): one object per transcript line, in the order the text
/// transcript would show them, with the same line splitting, control escaping and redaction (AUTH secrets and
/// lines typed while echo was off never appear). Fields: <c>time</c> (UTC, ms), <c>kind</c> (recv, sent, info,
/// error), <c>tls</c>, <c>text</c>, and when true <c>continued</c> and <c>hidden</c>; a received line shaped like
/// a reply adds <c>code</c>, <c>last</c> and, if present, <c>enhanced</c>.
/// </summary>
/// <remarks>Same threading and failure rules as <see cref="TranscriptWriter"/>: synchronous writes under a lock,
/// each record handed to the OS as it is written, writes after <see cref="Dispose"/> ignored.</remarks>
public sealed partial class JsonLinesTranscriptWriter : ITranscriptSink
{
    private readonly Lock _gate = new();
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly TimeProvider _time;
    private readonly TranscriptLineAssembler _received;
    private readonly TranscriptLineAssembler _sent;
    private readonly TranscriptLineAssembler _notes;
    private readonly TranscriptLineHandler _emit;
    private ISecretRedactor? _redactor;
    private bool _tls;
    private bool _hidden;
    private bool _disposed;

    public JsonLinesTranscriptWriter(Stream stream, TranscriptOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new TranscriptOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLineLength, TranscriptOptions.MinimumLineLength, nameof(options));
        _stream = stream;
        _leaveOpen = leaveOpen;
        _time = options.TimeProvider;
        _received = new TranscriptLineAssembler(options.MaxLineLength);
        _sent = new TranscriptLineAssembler(options.MaxLineLength);
        _notes = new TranscriptLineAssembler(options.MaxLineLength);
        _emit = EmitRecord;
        var version = options.ProgramVersion
            ?? typeof(JsonLinesTranscriptWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "unknown";
        lock (_gate)
            WriteNote(TranscriptTags.Info, $"netterm transcript, version {version}, format jsonl", _time.GetUtcNow());
    }

    /// <summary>Creates (or, with <see cref="TranscriptOptions.Append"/>, appends to) a JSON lines file.</summary>
    public static JsonLinesTranscriptWriter Open(string path, TranscriptOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new TranscriptOptions();
        var stream = new FileStream(path, options.Append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 4096);
        try
        {
            return new JsonLinesTranscriptWriter(stream, options);
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
                _tls = true;
            else if (sessionEvent is ConnectingEvent)
                _tls = false;
            if (TranscriptEventText.Describe(sessionEvent) is var (tag, note))
                WriteNote(tag, note, at);
            if (sessionEvent is TlsEstablishedEvent tls && TranscriptEventText.DescribeInsecure(tls) is { } insecure)
                WriteNote(TranscriptTags.Error, insecure, at);
            if (sessionEvent is ClosedEvent)
                _tls = false;
        }
    }

    public void WriteReceived(string text, bool tls) => WriteReceived(text, tls, _time.GetUtcNow());

    public void WriteSent(string line, bool tls, bool hidden)
    {
        ArgumentNullException.ThrowIfNull(line);
        WriteSentCore(hidden ? $"[{line.Length} characters hidden]" : line, tls, redact: !hidden, hidden, _time.GetUtcNow());
    }

    public void WriteInfo(string message) => WriteNoteLocked(TranscriptTags.Info, message);

    public void WriteError(string message) => WriteNoteLocked(TranscriptTags.Error, message);

    public void FlushPending()
    {
        lock (_gate)
        {
            if (!_disposed)
                _received.Flush(_emit);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            try
            {
                WriteNote(TranscriptTags.Info, "netterm transcript closed", _time.GetUtcNow());
            }
            finally
            {
                _disposed = true;
                _json?.Dispose();
                if (!_leaveOpen)
                    _stream.Dispose();
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
            WriteNote(tag, message, _time.GetUtcNow());
    }

    // Caller holds the lock; a note ends any partial received line first, as in the text transcript.
    private void WriteNote(string tag, string message, DateTimeOffset at)
    {
        if (_disposed)
            return;
        _received.Flush(_emit);
        _notes.AppendLine(message, tag, at, _emit);
    }
}
