using System.Collections.Concurrent;

namespace NetTerm.Tui;

/// <summary>
/// Moves items from any thread onto the UI loop in batches. Producers <see cref="Enqueue"/>; at most one drain is
/// ever scheduled, and a drain applies everything queued so far in one call, so a flood of session events costs one
/// layout and one frame per main-loop iteration instead of one per event (crib sheet "Thread marshalling").
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class UiDispatcher<T>
{
    private readonly ConcurrentQueue<T> _queue = new();
    private readonly Action<Action> _post;
    private readonly Action<IReadOnlyList<T>> _apply;
    private readonly int _maxBatch;
    private int _scheduled;
    private int _backlog;
    private volatile bool _stopped;

    /// <param name="post">Schedules an action on the UI loop (app.Invoke, or a zero timeout on the UI thread).</param>
    /// <param name="apply">Applies one batch, on the UI thread.</param>
    /// <param name="maxBatch">A drain stops after this many items and schedules another, so one frame stays short.</param>
    public UiDispatcher(Action<Action> post, Action<IReadOnlyList<T>> apply, int maxBatch = 20_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _post = post;
        _apply = apply;
        _maxBatch = maxBatch;
    }

    /// <summary>Items queued and not yet applied; producers use it to slow down (back-pressure).</summary>
    public int Backlog => Volatile.Read(ref _backlog);

    public void Enqueue(T item)
    {
        if (_stopped)
        {
            return;
        }

        _queue.Enqueue(item);
        Interlocked.Increment(ref _backlog);
        Schedule();
    }

    /// <summary>Waits until the backlog is below <paramref name="limit"/>: a producer calls this so a flood that the UI
    /// cannot keep up with slows the socket reads (through the session's bounded channel) instead of growing memory.</summary>
    public async Task WaitForRoomAsync(int limit, CancellationToken ct)
    {
        while (Backlog >= limit && !_stopped)
        {
            await Task.Delay(5, ct).ConfigureAwait(false);
        }
    }

    /// <summary>No more drains are scheduled after this: the UI is going away.</summary>
    public void Stop() => _stopped = true;

    /// <summary>Applies up to one batch. Called by the scheduled action; tests call it directly.</summary>
    internal void Drain()
    {
        Volatile.Write(ref _scheduled, 0);
        if (_stopped)
        {
            return;
        }

        var batch = new List<T>(Math.Min(Backlog, _maxBatch));
        while (batch.Count < _maxBatch && _queue.TryDequeue(out var item))
        {
            batch.Add(item);
        }

        Interlocked.Add(ref _backlog, -batch.Count);
        if (batch.Count > 0)
        {
            _apply(batch);
        }

        if (!_queue.IsEmpty)
        {
            Schedule();
        }
    }

    private void Schedule()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 0 && !_stopped)
        {
            _post(Drain);
        }
    }
}
