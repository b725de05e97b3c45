using System.Buffers;
using NetTerm.Core.Telnet;

namespace NetTerm.Core.Sessions;

public sealed partial class Session
{
    private readonly ArrayBufferWriter<byte> _data = new(16 * 1024);
    private readonly ArrayBufferWriter<byte> _toPeer = new(256);
    private TaskCompletionSource _resume = NewResume();

    /// <summary>Completed once the read loop has recorded a pause (and the held bytes): a profile starts the TLS
    /// upgrade from inside OnInbound, on another thread, before the loop has got that far.</summary>
    private TaskCompletionSource _pauseReached = NewResume();
    private int _held;
    private bool _paused;
    private bool _modeDecided;

    /// <summary>Received bytes a profile left unconsumed when it paused reading. Non-zero blocks a TLS upgrade.</summary>
    public int HeldBytes => Volatile.Read(ref _held);

    /// <summary>Resumes a read loop that an <see cref="IInboundObserver"/> paused without upgrading.</summary>
    public void ResumeReading() => _resume.TrySetResult();

    private static TaskCompletionSource NewResume() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[Options.ReadBufferSize];
        _modeDecided = Mode != SessionMode.Auto;
        while (true)
        {
            var n = await _stream!.ReadAsync(buffer, ct).ConfigureAwait(false);
            if (n == 0)
            {
                await CloseCoreAsync("connection closed by peer", null, byPeer: true).ConfigureAwait(false);
                return;
            }

            Interlocked.Add(ref _bytesIn, n);
            Touch();
            await OnReceivedAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
            if (_paused)
            {
                await _resume.Task.WaitAsync(ct).ConfigureAwait(false);
                _paused = false;
                _resume = NewResume();
                _pauseReached = NewResume();
                if (IsClosed)
                {
                    return;
                }
            }
        }
    }

    private async ValueTask OnReceivedAsync(ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        if (!_modeDecided)
        {
            await DecideModeAsync(chunk, ct).ConfigureAwait(false);
        }

        ReadOnlyMemory<byte> data = chunk;
        if (_telnet is not null)
        {
            _data.ResetWrittenCount();
            _toPeer.ResetWrittenCount();
            _telnet.Receive(chunk.Span, _data, _toPeer);
            if (_toPeer.WrittenCount > 0)
            {
                await WriteRawAsync(_toPeer.WrittenMemory, ct).ConfigureAwait(false);
            }

            await DrainTelnetNoticesAsync().ConfigureAwait(false);
            data = _data.WrittenMemory;
        }

        if (data.Length == 0)
        {
            return;
        }

        var consumed = data.Length;
        if (InboundObserver is { } observer)
        {
            InboundDecision decision;
            _inInbound = true;
            try
            {
                decision = observer.OnInbound(data.Span);
            }
            finally
            {
                _inInbound = false;
            }

            consumed = Math.Clamp(decision.Consumed, 0, data.Length);
            if (decision.Pause || consumed < data.Length)
            {
                Volatile.Write(ref _held, data.Length - consumed);
                _heldPreview = data[consumed..Math.Min(data.Length, consumed + 64)].ToArray();
                _paused = true;
                _pauseReached.TrySetResult();
            }
        }

        // The data is published in pieces at the offsets the observer marked, each followed by the events posted
        // for it: several replies in one read show each with its own explanation under it.
        var delivered = 0;
        foreach (var (offset, e) in _deferred)
        {
            var end = Math.Clamp(offset, delivered, consumed);
            await DeliverAsync(data[delivered..end]).ConfigureAwait(false);
            delivered = end;
            await PublishAsync(e).ConfigureAwait(false);
        }

        _deferred.Clear();
        _deferOffset = int.MaxValue;
        await DeliverAsync(data[delivered..consumed]).ConfigureAwait(false);
    }

    private readonly List<(int Offset, SessionEvent Event)> _deferred = [];
    private int _deferOffset = int.MaxValue;
    private bool _inInbound;

    /// <summary>Inside <see cref="IInboundObserver.OnInbound"/>: events posted from now on follow the first
    /// <paramref name="consumed"/> bytes of the chunk (the end of the frame they explain) instead of the whole
    /// chunk.</summary>
    public void MarkInbound(int consumed)
    {
        if (_inInbound)
        {
            _deferOffset = Math.Max(0, consumed);
        }
    }

    /// <summary>Adds a profile's event to the stream. From the read loop (inside
    /// <see cref="IInboundObserver.OnInbound"/>) it is held until the data being processed has been published, so an
    /// annotation always follows the reply it explains.</summary>
    public void Post(SessionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (_inInbound)
        {
            _deferred.Add((_deferOffset, e));
        }
        else if (!_events.Writer.TryWrite(e))
        {
            _ = PublishAsync(e).AsTask();
        }
    }

    private byte[] _heldPreview = [];
    private int _decoded;

    private async ValueTask DeliverAsync(ReadOnlyMemory<byte> data)
    {
        if (data.Length == 0)
        {
            return;
        }

        if (Options.RawDataSink is { } sink)
        {
            await sink.WriteAsync(data, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        // Decoded straight into the event's string: counting first (without touching the decoder's state) costs a
        // read of the bytes, a decode buffer copied into the string would cost a second write and read of the text,
        // which in a flood is the busiest memory traffic of the read loop.
        var count = _decoder.GetCharCount(data.Span, flush: false);
        string text;
        if (count == 0)
        {
            // The chunk ends inside a character: the decoder must still take its bytes.
            _decoder.GetChars(data.Span, Span<char>.Empty, flush: false);
            text = string.Empty;
        }
        else
        {
            text = string.Create(count, (Session: this, Data: data), static (chars, s) =>
                s.Session._decoded = s.Session._decoder.GetChars(s.Data.Span, chars, flush: false));
            if (_decoded < count)
                text = text[.._decoded]; // not expected: GetCharCount and GetChars agree for every .NET encoding
        }

        // Uninitialized: every byte is overwritten at once, and zeroing 100 MB of a flood costs as much as copying it.
        var raw = GC.AllocateUninitializedArray<byte>(data.Length);
        data.Span.CopyTo(raw);
        await PublishAsync(new DataReceivedEvent(text, raw, IsTls)).ConfigureAwait(false);
    }

    private void FlushDecoder()
    {
        var chars = new char[16];
        var count = _decoder.GetChars(ReadOnlySpan<byte>.Empty, chars, flush: true);
        if (count > 0 && Options.RawDataSink is null)
        {
            _events.Writer.TryWrite(new DataReceivedEvent(new string(chars, 0, count), ReadOnlyMemory<byte>.Empty, IsTls));
        }
    }

    /// <summary>Auto mode: the server's first bytes being a telnet negotiation (IAC WILL/WONT/DO/DONT/SB) means telnet.</summary>
    private async ValueTask DecideModeAsync(ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        _modeDecided = true;
        var first = chunk.Span;
        var telnet = first.Length > 0 && first[0] == (byte)TelnetCommand.IAC
            && (first.Length == 1 || first[1] is >= (byte)TelnetCommand.SB and < (byte)TelnetCommand.IAC);
        Mode = telnet ? SessionMode.Telnet : SessionMode.Raw;
        await PublishAsync(new ModeDetectedEvent(Mode, telnet
            ? "the server opened with telnet negotiation"
            : "the server's first bytes are not telnet negotiation")).ConfigureAwait(false);
        if (telnet)
        {
            await StartTelnetAsync(announce: false, ct).ConfigureAwait(false);
        }
    }
}
