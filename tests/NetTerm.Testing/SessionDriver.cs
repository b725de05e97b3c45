using NetTerm.Core.Sessions;

namespace NetTerm.Testing;

/// <summary>Runs a session and collects its events, for tests that assert on what a session published.</summary>
public sealed class SessionDriver : IAsyncDisposable
{
    private readonly List<SessionEvent> _events = [];
    private readonly Task _collect;
    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(30));
    private readonly Action<SessionEvent>? _onEvent;

    /// <param name="beforeRun">Configures the session before it connects (attach a profile).</param>
    /// <param name="onEvent">Sees every event as a front end would (a profile's OnEvent).</param>
    public SessionDriver(SessionOptions options, Action<Session>? beforeRun = null, Action<SessionEvent>? onEvent = null)
    {
        Session = new Session(options);
        beforeRun?.Invoke(Session);
        _onEvent = onEvent;
        Run = Session.RunAsync(_cts.Token);
        _collect = CollectAsync();
    }

    public Session Session { get; }

    public Task Run { get; }

    public IReadOnlyList<SessionEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public string ReceivedText => string.Concat(Events.OfType<DataReceivedEvent>().Select(e => e.Text));

    public byte[] ReceivedBytes => [.. Events.OfType<DataReceivedEvent>().SelectMany(e => e.Raw.ToArray())];

    private async Task CollectAsync()
    {
        await foreach (var e in Session.Events.ReadAllAsync())
        {
            _onEvent?.Invoke(e);
            lock (_events)
            {
                _events.Add(e);
            }
        }
    }

    /// <summary>Waits until the collected events satisfy <paramref name="condition"/> (10 s at most).</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<SessionEvent>, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition(Events))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}; events: {string.Join(", ", Events.Select(e => e.GetType().Name))}; text: {ReceivedText.ReplaceLineEndings(" / ")}");
            }

            await Task.Delay(10);
        }
    }

    public Task WaitForTextAsync(string text) =>
        WaitForAsync(_ => ReceivedText.Contains(text, StringComparison.Ordinal), $"text '{text}'");

    public async Task<ClosedEvent> WaitClosedAsync()
    {
        await Run.WaitAsync(TimeSpan.FromSeconds(10));
        await _collect.WaitAsync(TimeSpan.FromSeconds(10));
        return Events.OfType<ClosedEvent>().Single();
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await Task.WhenAny(_collect, Task.Delay(5000));
        _cts.Dispose();
    }
}
