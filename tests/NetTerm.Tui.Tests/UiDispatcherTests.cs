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
