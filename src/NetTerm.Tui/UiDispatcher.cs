using System.Collections.Concurrent;
using System.Diagnostics;

namespace NetTerm.Tui;

/// <summary>
/// Moves items from any thread onto the UI loop in batches. Producers <see cref="Enqueue"/>; at most one drain is
/// ever scheduled, and a drain applies everything queued so far, so a flood of session events costs one layout and
/// one frame per main-loop iteration instead of one per event (crib sheet "Thread marshalling").
/// </summary>
/// <remarks>
/// The queue is bounded by weight (bytes, for session data): a producer awaits <see cref="WaitForRoomAsync"/>, so a
/// UI that falls behind slows the socket reads instead of growing memory. The main loop runs at most 25 iterations
/// a second and sleeps between them, so with a small bound the UI would idle while the producer waits for room: a
/// drain therefore keeps applying what arrives, and waits for more, until its time slice (one iteration) is used. A burst is then limited by the UI's speed, not by the iteration rate, and input is still read every slice.
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
    private readonly long _sliceTicks;
    private readonly Lock _gate = new();
    private readonly object _arrival = new();
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
    /// <param name="slice">How long one drain may keep applying new arrivals; zero applies one batch per drain.</param>
    /// <param name="drained">Runs once at the end of each drain that applied something (one refresh per frame).</param>
    public UiDispatcher(
        Action<Action> post,
        Action<IReadOnlyList<T>> apply,
        int maxBatch = 20_000,
        Func<T, long>? weigh = null,
        long maxWeight = long.MaxValue,
        TimeSpan slice = default,
        Action? drained = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWeight, 1);
        _post = post;
        _apply = apply;
        _maxBatch = maxBatch;
        _weigh = weigh ?? (_ => 1);
        _maxWeight = maxWeight;
        _sliceTicks = (long)(slice.TotalSeconds * Stopwatch.Frequency);
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
        lock (_arrival)
        {
            Monitor.Pulse(_arrival);
        }

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

    /// <summary>Applies batches for up to one time slice. Called by the scheduled action; tests call it directly.</summary>
    internal void Drain()
    {
        // Still marked as scheduled while it runs: what arrives meanwhile is taken by this drain, not a new one.
        try
        {
            DrainSlice();
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

    private void DrainSlice()
    {
        var deadline = Stopwatch.GetTimestamp() + _sliceTicks;
        var batch = new List<T>(Math.Min(Backlog, _maxBatch));
        var applied = Interlocked.Exchange(ref _refresh, 0) != 0;
        while (!_stopped)
        {
            long weight = 0;
            while (batch.Count < _maxBatch && _queue.TryDequeue(out var entry))
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
                    applied = true;
                }
                finally
                {
                    batch.Clear();
                    // Room is given back only once the items are applied (or failed): until then they are held.
                    if (Interlocked.Add(ref _weight, -weight) < _maxWeight)
                    {
                        OpenRoom();
                    }
                }
            }

            var left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                break;
            }

            // Waiting costs the loop nothing: it would sleep until the next iteration anyway (it draws only then). A
            // shorter wait let a producer that lost the CPU for a moment (a loaded machine) find the UI asleep,
            // and the flood then moved by one bound per iteration.
            if (!AwaitArrival(TimeSpan.FromTicks(left * TimeSpan.TicksPerSecond / Stopwatch.Frequency)))
            {
                break;
            }
        }

        if (applied && !_stopped)
        {
            _drained?.Invoke();
        }
    }

    /// <summary>True when the queue has an item, waiting up to <paramref name="timeout"/> for one.</summary>
    private bool AwaitArrival(TimeSpan timeout)
    {
        lock (_arrival)
        {
            return !_queue.IsEmpty || (Monitor.Wait(_arrival, timeout) && !_queue.IsEmpty);
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
