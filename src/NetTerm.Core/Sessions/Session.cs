using System.Buffers;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using NetTerm.Core.Telnet;
using NetTerm.Core.Transport;

namespace NetTerm.Core.Sessions;

/// <summary>
/// One connection: it owns the socket, the single read loop, the telnet engine and the TLS state, and publishes
/// <see cref="SessionEvent"/>s to a bounded channel. The TUI, the headless runner and the profiles all drive it.
/// </summary>
public sealed partial class Session : IAsyncDisposable
{
    private readonly Channel<SessionEvent> _events;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _life = new();
    private readonly Decoder _decoder;
    private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? _socket;
    private Stream? _stream;
    private TelnetEngine? _telnet;
    private int _closed;
    private long _bytesIn;
    private long _bytesOut;
    private long _lastActivity = Environment.TickCount64;

    public Session(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _decoder = options.Encoding.GetDecoder();
        _events = Channel.CreateBounded<SessionEvent>(new BoundedChannelOptions(options.EventCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        Mode = options.Mode == SessionMode.Auto && options.Port == 23 ? SessionMode.Telnet : options.Mode;
    }

    public SessionOptions Options { get; }

    /// <summary>Events in order; completes after the <see cref="ClosedEvent"/>.</summary>
    public ChannelReader<SessionEvent> Events => _events.Reader;

    /// <summary>The mode in force: Auto until the first received bytes decide.</summary>
    public SessionMode Mode { get; private set; }

    /// <summary>Set by a profile that frames the stream; see <see cref="IInboundObserver"/>.</summary>
    public IInboundObserver? InboundObserver { get; set; }

    public bool IsConnected => _stream is not null && Volatile.Read(ref _closed) == 0;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public CertificateSummary? Certificate { get; private set; }

    public bool IsTls => Certificate is not null;

    /// <summary>Server WILL ECHO: the client must not echo, and what is typed is not logged.</summary>
    public bool RemoteEcho => _telnet?.RemoteEcho ?? false;

    /// <summary>Server WILL ECHO and WILL SGA: keys go to the server as typed.</summary>
    public bool CharacterMode => _telnet?.CharacterMode ?? false;

    public long BytesIn => Interlocked.Read(ref _bytesIn);

    public long BytesOut => Interlocked.Read(ref _bytesOut);

    public DateTimeOffset? ConnectedAt { get; private set; }

    /// <summary>True once the connection (and implicit TLS) is up and lines can be sent; false if it closed first.</summary>
    public Task<bool> Connected => _ready.Task;

    /// <summary>Connects, then reads until the connection ends. Network failures never throw: they end in a
    /// <see cref="ClosedEvent"/> with a one-line reason. Cancelling <paramref name="ct"/> closes the session.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _life.Token);
        var token = linked.Token;
        try
        {
            await ConnectAsync(token).ConfigureAwait(false);
            _ready.TrySetResult(true);
            using var idle = StartIdleWatch(token);
            await ReadLoopAsync(token).ConfigureAwait(false);
        }
        catch (ConnectException ex)
        {
            await CloseCoreAsync(ex.Message, ex.Failure, byPeer: false).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            if (_closeReason is not null || token.IsCancellationRequested)
            {
                // We closed it (user, idle timeout, cancellation): whatever the socket threw on the way is not news.
                await CloseCoreAsync(_closeReason ?? "closed", _closeFailure, byPeer: false).ConfigureAwait(false);
                return;
            }

            var (failure, reason) = Describe(ex);
            await CloseCoreAsync(reason, failure, byPeer: failure == ConnectFailure.ConnectionLost).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the connection and ends <see cref="RunAsync"/>.</summary>
    public Task CloseAsync(string reason = "closed by user") => CloseAsync(reason, null);

    internal async Task CloseAsync(string reason, ConnectFailure? failure)
    {
        _closeReason ??= reason;
        _closeFailure ??= failure;
        await _life.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync("closed").ConfigureAwait(false);
        _socket?.Dispose();
        _writeLock.Dispose();
        _life.Dispose();
    }

    private string? _closeReason;
    private ConnectFailure? _closeFailure;

    private async Task CloseCoreAsync(string reason, ConnectFailure? failure, bool byPeer)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        FlushDecoder();
        _socket?.Dispose();
        _ready.TrySetResult(false);
        var closed = new ClosedEvent(reason, failure, byPeer);
        foreach (var last in InboundObserver?.OnClosing(closed) ?? [])
        {
            await PublishAsync(last).ConfigureAwait(false);
        }

        await PublishAsync(closed).ConfigureAwait(false);
        _events.Writer.TryComplete();
        _resume.TrySetResult();
        _pauseReached.TrySetResult();
    }

    private async ValueTask PublishAsync(SessionEvent e)
    {
        try
        {
            // The channel's bound is the back-pressure: a slow UI slows the socket reads, it does not grow memory.
            await _events.Writer.WriteAsync(e, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Events after the close are dropped on purpose; the ClosedEvent is the last word.
        }
    }

    private void Touch() => Volatile.Write(ref _lastActivity, Environment.TickCount64);

    private static (ConnectFailure Failure, string Reason) Describe(Exception ex)
    {
        var socketError = ex as SocketException ?? ex.InnerException as SocketException;
        if (socketError is not null)
        {
            var code = socketError.SocketErrorCode;
            return (TcpConnector.Classify(code) is ConnectFailure.Other ? ConnectFailure.ConnectionLost : TcpConnector.Classify(code),
                TcpConnector.Explain(code));
        }

        return (ConnectFailure.ConnectionLost, ex is ObjectDisposedException ? "connection closed" : Text.Messages.OneLine(ex.Message));
    }
}
