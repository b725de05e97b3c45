using System.Collections.Concurrent;

namespace NetTerm.Tui;

/// <summary>
/// Moves items from any thread onto the UI loop in batches. Producers <see cref="Enqueue"/>; at most one drain is
/// ever scheduled, and a drain applies everything queued so far, so a flood of session events costs one layout and
/// one frame per main-loop iteration instead of one per event (crib sheet "Thread marshalling").
/// </summary>
/// <remarks>
/// The queue is bounded by weight: a producer awaits <see cref="WaitForRoomAsync"/>, so a UI that falls behind slows
/// the producer instead of growing memory. Received text does not come through here (the pump records it and asks
/// for a frame with <see cref="RequestRefresh"/>), so what is queued is small and a drain takes one batch.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class UiDispatcher<T>
{
    private readonly ConcurrentQueue<(T Item, long Weight)> _queue = new();
    private readonly Action<Action> _post;
    private readonly Action<IReadOnlyList<T>> _apply;
    private readonly Action? _drained;
    private readonly Func<T, long> _weigh;
    private readonly int _maxBatch;
    private readonly long _maxWeight;
    private readonly Lock _gate = new();
    private TaskCompletionSource _room = NewRoom();
    private int _scheduled;
    private int _refresh;
    private int _backlog;
    private long _weight;
    private volatile bool _stopped;

    /// <param name="post">Schedules an action on the UI loop (app.Invoke, or a zero timeout on the UI thread).</param>
    /// <param name="apply">Applies one batch, on the UI thread.</param>
    /// <param name="maxBatch">At most this many items per <paramref name="apply"/> call.</param>
    /// <param name="weigh">An item's weight (bytes it holds); 1 per item by default.</param>
    /// <param name="maxWeight">Producers wait in <see cref="WaitForRoomAsync"/> while the queued weight is at least
    /// this.</param>
    /// <param name="drained">Runs once at the end of each drain that applied something (one refresh per frame).</param>
    public UiDispatcher(
        Action<Action> post,
        Action<IReadOnlyList<T>> apply,
        int maxBatch = 20_000,
        Func<T, long>? weigh = null,
        long maxWeight = long.MaxValue,
        Action? drained = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWeight, 1);
        _post = post;
        _apply = apply;
        _maxBatch = maxBatch;
        _weigh = weigh ?? (_ => 1);
        _maxWeight = maxWeight;
        _drained = drained;
    }

    /// <summary>Items queued and not yet applied.</summary>
    public int Backlog => Volatile.Read(ref _backlog);

    /// <summary>Weight queued and not yet applied; producers wait while it is at the bound.</summary>
    public long Weight => Interlocked.Read(ref _weight);

    public void Enqueue(T item)
    {
        if (_stopped)
        {
            return;
        }

        var weight = Math.Max(0, _weigh(item));
        _queue.Enqueue((item, weight));
        Interlocked.Add(ref _weight, weight);
        Interlocked.Increment(ref _backlog);
        Schedule();
    }

    /// <summary>Asks for one <c>drained</c> call (a redraw) without an item: the producer changed something the UI
    /// draws. Requests made before a drain runs are coalesced into it, so a flood costs one frame per iteration.</summary>
    public void RequestRefresh()
    {
        if (_stopped)
        {
            return;
        }

        Volatile.Write(ref _refresh, 1);
        Schedule();
    }

    /// <summary>Waits until the queued weight is below the bound: a producer calls this after each item so a
    /// flood that the UI cannot keep up with slows the socket reads instead of growing memory.</summary>
    public async Task WaitForRoomAsync(CancellationToken ct)
    {
        while (!_stopped)
        {
            Task room;
            lock (_gate)
            {
                if (Weight < _maxWeight)
                {
                    return;
                }

                room = _room.Task;
            }

            await room.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>No more drains are scheduled after this: the UI is going away. Waiting producers are released.</summary>
    public void Stop()
    {
        _stopped = true;
        OpenRoom();
    }

    /// <summary>Applies one batch. Called by the scheduled action; tests call it directly.</summary>
    internal void Drain()
    {
        // Still marked as scheduled while it runs: what arrives meanwhile is taken by the next drain, not a second one.
        try
        {
            DrainBatch();
        }
        finally
        {
            // Even when a batch threw (the UI loop reports it and goes on), later items must still be drained.
            Volatile.Write(ref _scheduled, 0);
            if (!_queue.IsEmpty || Volatile.Read(ref _refresh) != 0)
            {
                Schedule();
            }
        }
    }

    private void DrainBatch()
    {
        var drawn = Interlocked.Exchange(ref _refresh, 0) != 0;
        var batch = new List<T>(Math.Min(Backlog, _maxBatch));
        long weight = 0;
        while (!_stopped && batch.Count < _maxBatch && _queue.TryDequeue(out var entry))
        {
            batch.Add(entry.Item);
            weight += entry.Weight;
        }

        if (batch.Count > 0)
        {
            Interlocked.Add(ref _backlog, -batch.Count);
            try
            {
                _apply(batch);
                drawn = true;
            }
            finally
            {
                // Room is given back only once the items are applied (or failed): until then they are held.
                if (Interlocked.Add(ref _weight, -weight) < _maxWeight)
                {
                    OpenRoom();
                }
            }
        }

        if (drawn && !_stopped)
        {
            _drained?.Invoke();
        }
    }

    private void OpenRoom()
    {
        lock (_gate)
        {
            if (!_room.Task.IsCompleted)
            {
                var room = _room;
                _room = NewRoom();
                room.SetResult();
            }
        }
    }

    private static TaskCompletionSource NewRoom() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Schedule()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 0 && !_stopped)
        {
            _post(Drain);
        }
    }
}
