using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Terminal;
using NetTerm.Core.Transcripts;

namespace NetTerm.Tui;

/// <summary>
/// Owns the connection behind the UI: creates the <see cref="Session"/>, attaches the profile, runs the read loop
/// and pumps every event, on the pump thread, to the transcript, then into the <see cref="OutputModel"/> (parsed
/// text, hex bytes, system lines), then to <see cref="UiDispatcher{T}"/> for the UI's state. A flood is therefore
/// parsed and stored beside the UI thread, which only draws: received data reaches the UI as a refresh request,
/// not as an item. Reconnect replaces the session; the transcript and the output live as long as the controller.
/// No Terminal.Gui types.
/// </summary>
internal sealed class SessionController : IAsyncDisposable
{
    /// <summary>Events queued for the UI beyond which the pump pauses; the session's channel then fills and the socket
    /// reads stop. Received data is never queued (it is recorded, and only asks for a frame), so what waits here are
    /// state changes and profile events, a few hundred bytes each.</summary>
    internal const int BacklogEvents = 16_384;

    /// <summary>The session's channel only hands events to the pump, which takes up to this many at a time; a read is
    /// at most <see cref="SessionOptions.ReadBufferSize"/> bytes (and twice that as text), so the channel and the
    /// batch hold about 1.6 MB at most.</summary>
    private const int EventCapacity = 8;

    private readonly ITranscriptSink? _transcript;
    private readonly OutputModel _output;
    private readonly UiDispatcher<SessionUpdate> _dispatcher;
    private readonly CancellationTokenSource _life = new();
    private readonly List<Task> _running = [];
    private bool _logFailed;

    public SessionController(ITranscriptSink? transcript, OutputModel output, UiDispatcher<SessionUpdate> dispatcher)
    {
        _transcript = transcript;
        _output = output;
        _dispatcher = dispatcher;
    }

    public int Generation { get; private set; }

    public Session? Session { get; private set; }

    public IProfileSession? Profile { get; private set; }

    /// <summary>The attached profile's name ("raw", "telnet", "smtp").</summary>
    public string? ProfileName { get; private set; }

    public ConnectTarget? Target { get; private set; }

    public SessionOptions? Options { get; private set; }

    public bool IsConnected => Session is { IsConnected: true };

    /// <summary>Starts a new connection, closing the current one first. Never throws for network reasons: a failed
    /// connect arrives as a <see cref="ClosedEvent"/>.</summary>
    public void Start(ConnectTarget target, SessionOptions options, IProfile profile)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(profile);
        var old = Session;
        if (old is not null)
        {
            Track(old.CloseAsync("closed (reconnecting)"));
        }

        Generation++;
        Target = target;
        Options = options;
        var session = new Session(options with { EventCapacity = Math.Min(options.EventCapacity, EventCapacity) });
        var profileSession = SessionContext.Attach(profile, session, interactive: true);
        var gate = new RedactionGate(profileSession.Redactor);
        if (_transcript is not null)
        {
            _transcript.Redactor = gate;
        }

        Session = session;
        Profile = profileSession;
        ProfileName = profile.Name;
        var generation = Generation;
        Track(Task.Run(() => session.RunAsync(_life.Token)));
        Track(Task.Run(() => PumpAsync(generation, session, options, gate)));
    }

    /// <summary>Closes the current connection (the user asked); the ClosedEvent follows.</summary>
    public Task CloseAsync(string reason = "closed by user") => Session?.CloseAsync(reason) ?? Task.CompletedTask;

    private async Task PumpAsync(int generation, Session session, SessionOptions options, RedactionGate gate)
    {
        // Events are taken off the channel in batches: once the channel is full, every single read would wake the
        // session's read loop for one more chunk (measured: ~5 context switches per 32 KiB chunk in a flood); taking
        // what is there first lets the read loop refill the channel while the batch is recorded.
        var batch = new List<SessionEvent>(EventCapacity);
        var events = session.Events;
        try
        {
            while (await events.WaitToReadAsync(_life.Token).ConfigureAwait(false))
            {
                while (batch.Count < EventCapacity && events.TryRead(out var e))
                {
                    batch.Add(e);
                }

                foreach (var e in batch)
                {
                    await HandleAsync(generation, options, gate, e).ConfigureAwait(false);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async ValueTask HandleAsync(int generation, SessionOptions options, RedactionGate gate, SessionEvent e)
    {
        var shown = gate.Process(e, out var masked);
        WarningEvent? logFailure = null;
        try
        {
            if (!_logFailed)
            {
                _transcript?.Write(e);
            }
        }
        catch (IOException ex)
        {
            // Disk full: the session goes on, the event is still shown, and the UI says once that the log stopped.
            _logFailed = true;
            logFailure = new WarningEvent("transcript: " + Core.Text.Messages.OneLine(ex.Message) + "; logging stopped");
        }

        await DeliverAsync(new SessionUpdate(generation, shown, e, masked), options).ConfigureAwait(false);
        if (logFailure is not null)
        {
            await DeliverAsync(new SessionUpdate(generation, logFailure, logFailure, false), options).ConfigureAwait(false);
        }
    }

    private async ValueTask DeliverAsync(SessionUpdate update, SessionOptions options)
    {
        Record(update, options);
        if (update.Event is DataReceivedEvent)
        {
            // Parsed and stored above; the UI only has to draw it (no profile uses received data through OnEvent:
            // profiles read it as the session's inbound observers).
            _dispatcher.RequestRefresh();
            return;
        }

        _dispatcher.Enqueue(update);
        await _dispatcher.WaitForRoomAsync(_life.Token).ConfigureAwait(false);
    }

    private void Record(SessionUpdate update, SessionOptions options)
    {
        try
        {
            _output.Record(update, options);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug in showing one event must not stop the pump (and with it the session's reads).
            _output.AddLine(LineKind.Error, "internal error while showing " + update.Event.GetType().Name + ": " + ex.Message);
        }
    }

    private void Track(Task task)
    {
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _dispatcher.Stop();
        if (Session is { } session)
        {
            await session.CloseAsync("closed").ConfigureAwait(false);
        }

        await _life.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        // Bounded: the terminal must be restored even if a socket hangs.
        await Task.WhenAny(Task.WhenAll(running), Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        if (Session is { } last)
        {
            await last.DisposeAsync().ConfigureAwait(false);
        }

        _life.Dispose();
    }
}
