using System.Threading.Channels;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;
using NetTerm.Smtp.Auth;
using NetTerm.Smtp.Dialog;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Profile;

/// <summary>
/// One SMTP conversation. Replies are framed on the read loop (<see cref="OnInbound"/>), paired with the command
/// they answer, explained, and applied to the dialog state. Lines from the user go through one queue, so typed,
/// pasted and piped lines are paced alike: lock-step, or by PIPELINING group, the body only after 354, and nothing
/// after STARTTLS until the handshake is done.
/// </summary>
internal sealed partial class SmtpProfileSession : IProfileSession
{
    private readonly ISessionContext _context;
    private readonly SmtpProfileOptions _options;
    private readonly SmtpReplyParser _parser = new();
    private readonly SmtpDialogState _state = new();
    private readonly SmtpSecretRedactor _redactor = new();
    private readonly Queue<OutstandingCommand> _outstanding = new();
    private readonly Channel<PendingLine> _queue = Channel.CreateUnbounded<PendingLine>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private long _sequence;
    private long _queued;
    private long _sent;
    private bool _tlsPending;
    private bool _saslWaiting;
    private bool _closed;
    private long _discardThrough = -1;

    public SmtpProfileSession(ISessionContext context, SmtpProfileOptions options)
    {
        _context = context;
        _options = options;
        _state.Tls = context.IsTls;
        _ = Task.Run(DeadlineLoopAsync);
        // Closing completes the queue, which ends the pump; waits wake on the close signal.
        _ = Task.Run(() => PumpAsync(CancellationToken.None));
    }

    public string PromptLabel
    {
        get
        {
            lock (_lock)
            {
                return _state.Phase == SmtpPhase.Data ? "DATA" : _context.IsTls ? "SMTP/TLS" : "SMTP";
            }
        }
    }

    public ISecretRedactor? Redactor => _redactor;

    public event EventHandler? Changed;

    private void RaiseChanged()
    {
        lock (_lock)
        {
            Signal();
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    public Task SubmitAsync(string line, CancellationToken ct) => Enqueue(line, null);

    /// <summary>Queues a line (with its masked form) and returns when it has gone out.</summary>
    private Task Enqueue(string line, string? shown, bool content = false)
    {
        // The masked form is decided when the line goes out (SendWhenAllowedAsync): a queued line may only turn out to
        // be a SASL response once the 334 has arrived.
        var pending = new PendingLine(line, shown, Interlocked.Increment(ref _sequence), content);
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Sent.TrySetException(new IOException("the session is closed"));
        }

        return pending.Sent.Task;
    }

    public async Task DrainAsync(CancellationToken ct)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var idle = Interlocked.Read(ref _sent) >= Interlocked.Read(ref _queued) && _outstanding.Count == 0 && !_tlsPending;
                if (_closed || idle)
                {
                    return;
                }

                changed = _signal.Task;
            }

            await changed.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    public void OnEvent(SessionEvent e)
    {
        switch (e)
        {
            case TlsEstablishedEvent { Upgrade: true }:
                OnTlsUpgraded();
                break;
            case TlsEstablishedEvent:
                lock (_lock)
                {
                    _state.Tls = true;
                }

                RaiseChanged();
                break;
            case ConnectedEvent:
                lock (_lock)
                {
                    _connectedAt = e.Timestamp;
                }

                break;
            case ClosedEvent:
                Close();
                break;
        }
    }

    private void Close()
    {
        lock (_lock)
        {
            _closed = true;
            _waiting = null;
        }

        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var left))
        {
            left.Sent.TrySetException(new IOException("the session is closed"));
        }

        RaiseChanged();
    }
}
