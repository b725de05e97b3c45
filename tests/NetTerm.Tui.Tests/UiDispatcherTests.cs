namespace NetTerm.Tui.Tests;

public class UiDispatcherTests
{
    [Fact]
    public async Task Enqueue_ManyFromBackgroundThreads_SchedulesOneDrainAndAppliesOneBatch()
    {
        var posted = new List<Action>();
        var batches = new List<int>();
        var dispatcher = new UiDispatcher<int>(a => { lock (posted) posted.Add(a); }, b => batches.Add(b.Count));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 2500; i++)
            {
                dispatcher.Enqueue(i);
            }
        })));

        Assert.Single(posted);
        Assert.Equal(10_000, dispatcher.Backlog);
        posted[0]();
        Assert.Equal([10_000], batches);
        Assert.Equal(0, dispatcher.Backlog);
    }

    [Fact]
    public void Drain_MoreThanMaxBatch_AppliesInSlicesAndReschedules()
    {
        var posted = new Queue<Action>();
        var batches = new List<int>();
        var dispatcher = new UiDispatcher<int>(posted.Enqueue, b => batches.Add(b.Count), maxBatch: 400);
        for (var i = 0; i < 1000; i++)
        {
            dispatcher.Enqueue(i);
        }

        while (posted.Count > 0)
        {
            posted.Dequeue()();
        }

        Assert.Equal([400, 400, 200], batches);
    }

    [Fact]
    public void Enqueue_AfterDrain_SchedulesAgainInOrder()
    {
        var posted = new Queue<Action>();
        var seen = new List<int>();
        var dispatcher = new UiDispatcher<int>(posted.Enqueue, seen.AddRange);
        dispatcher.Enqueue(1);
        posted.Dequeue()();
        dispatcher.Enqueue(2);
        dispatcher.Enqueue(3);

        Assert.Single(posted);
        posted.Dequeue()();
        Assert.Equal([1, 2, 3], seen);
    }

    [Fact]
    public void Enqueue_AfterStop_IsDropped()
    {
        var posted = new List<Action>();
        var dispatcher = new UiDispatcher<int>(posted.Add, _ => Assert.Fail("applied after stop"));
        dispatcher.Stop();

        dispatcher.Enqueue(1);

        Assert.Empty(posted);
    }
}

public class UiDispatcherBudgetTests
{
    [Fact]
    public async Task WaitForRoomAsync_WeightAtBound_WaitsUntilDrained()
    {
        var posted = new Queue<Action>();
        var dispatcher = new UiDispatcher<int>(posted.Enqueue, _ => { }, weigh: i => i, maxWeight: 100);
        dispatcher.Enqueue(60);
        await dispatcher.WaitForRoomAsync(CancellationToken.None); // 60 < 100: room left
        dispatcher.Enqueue(40);
        Assert.Equal(100, dispatcher.Weight);

        var waiting = dispatcher.WaitForRoomAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        posted.Dequeue()();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, dispatcher.Weight);
        Assert.Equal(0, dispatcher.Backlog);
    }

    [Fact]
    public async Task WaitForRoomAsync_Stopped_ReleasesTheProducer()
    {
        var dispatcher = new UiDispatcher<int>(_ => { }, _ => { }, weigh: _ => 10, maxWeight: 10);
        dispatcher.Enqueue(1);
        var waiting = dispatcher.WaitForRoomAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        dispatcher.Stop();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitForRoomAsync_Cancelled_Throws()
    {
        var dispatcher = new UiDispatcher<int>(_ => { }, _ => { }, weigh: _ => 10, maxWeight: 10);
        dispatcher.Enqueue(1);
        using var cts = new CancellationTokenSource();
        var waiting = dispatcher.WaitForRoomAsync(cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Drain_ProducerBoundedByWeight_AppliesEverythingInOrderWithinTheBound()
    {
        // A producer thread that always waits for room, and a UI that drains a batch at a time: every item arrives, in
        // order, and the queued weight never exceeds the bound plus one item.
        var posted = new BlockingCollectionQueue();
        var seen = new List<int>();
        long maxSeen = 0;
        UiDispatcher<int>? dispatcher = null;
        dispatcher = new UiDispatcher<int>(
            posted.Post,
            batch =>
            {
                maxSeen = Math.Max(maxSeen, dispatcher!.Weight);
                seen.AddRange(batch);
            },
            maxBatch: 7,
            weigh: _ => 10,
            maxWeight: 50);
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < 2000; i++)
            {
                dispatcher.Enqueue(i);
                await dispatcher.WaitForRoomAsync(CancellationToken.None);
            }
        });

        while (!producer.IsCompleted || dispatcher.Backlog > 0)
        {
            posted.RunNext(TimeSpan.FromMilliseconds(50));
        }

        await producer;
        Assert.Equal(Enumerable.Range(0, 2000), seen);
        Assert.InRange(maxSeen, 10, 60);
        Assert.Equal(0, dispatcher.Weight);
    }

    /// <summary>Posted drains, run one by one on the test thread as the UI loop would.</summary>
    private sealed class BlockingCollectionQueue
    {
        private readonly System.Collections.Concurrent.BlockingCollection<Action> _actions = [];

        public void Post(Action action) => _actions.Add(action);

        public void RunNext(TimeSpan timeout)
        {
            if (_actions.TryTake(out var action, timeout))
            {
                action();
            }
        }
    }
}

public class UiDispatcherFailureTests
{
    [Fact]
    public async Task Drain_ApplyThrows_RoomIsGivenBackAndLaterItemsAreDrained()
    {
        var posted = new Queue<Action>();
        var seen = new List<int>();
        var dispatcher = new UiDispatcher<int>(
            posted.Enqueue,
            batch =>
            {
                if (batch.Contains(13))
                {
                    throw new InvalidOperationException("a bug in a handler");
                }

                seen.AddRange(batch);
            },
            weigh: _ => 10,
            maxWeight: 10);
        dispatcher.Enqueue(13);

        Assert.Throws<InvalidOperationException>(() => posted.Dequeue()());
        await dispatcher.WaitForRoomAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        dispatcher.Enqueue(14);
        posted.Dequeue()();

        Assert.Equal([14], seen);
        Assert.Equal(0, dispatcher.Weight);
    }

    [Fact]
    public void RequestRefresh_ManyBeforeADrain_SchedulesOneDrainThatCallsDrainedOnce()
    {
        var posted = new Queue<Action>();
        var drained = 0;
        var dispatcher = new UiDispatcher<int>(posted.Enqueue, _ => Assert.Fail("no item was queued"), drained: () => drained++);
        for (var i = 0; i < 1000; i++)
        {
            dispatcher.RequestRefresh();
        }

        Assert.Single(posted);
        posted.Dequeue()();
        Assert.Equal(1, drained);
        Assert.Empty(posted);
    }

    [Fact]
    public void RequestRefresh_DuringADrain_SchedulesAnotherDrain()
    {
        var posted = new Queue<Action>();
        var drained = 0;
        UiDispatcher<int>? dispatcher = null;
        dispatcher = new UiDispatcher<int>(posted.Enqueue, _ => dispatcher!.RequestRefresh(), drained: () => drained++);
        dispatcher.Enqueue(1);
        posted.Dequeue()();

        // The request made while the batch was applied is not lost: it gets a drain (a frame) of its own.
        Assert.Single(posted);
        posted.Dequeue()();
        Assert.Equal(2, drained);
        Assert.Empty(posted);
    }

    [Fact]
    public void RequestRefresh_AfterStop_SchedulesNothing()
    {
        var posted = new List<Action>();
        var dispatcher = new UiDispatcher<int>(posted.Add, _ => { }, drained: () => Assert.Fail("drained after stop"));
        dispatcher.Stop();
        dispatcher.RequestRefresh();
        Assert.Empty(posted);
    }
}
