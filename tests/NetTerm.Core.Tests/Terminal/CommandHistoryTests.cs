using NetTerm.Core.Terminal;

namespace NetTerm.Core.Tests.Terminal;

public sealed class CommandHistoryTests
{
    [Fact]
    public void Add_EmptyAndConsecutiveDuplicates_AreSkipped()
    {
        var history = new CommandHistory();

        history.Add("EHLO x");
        history.Add("");
        history.Add("EHLO x");
        history.Add("NOOP");
        history.Add("EHLO x");

        Assert.Equal(3, history.Count);
        Assert.Equal(["EHLO x", "NOOP", "EHLO x"], Enumerable.Range(0, history.Count).Select(i => history[i]));
    }

    [Fact]
    public void Add_BeyondCapacity_DropsOldest()
    {
        var history = new CommandHistory(capacity: 3);

        foreach (var line in new[] { "a", "b", "c", "d" })
            history.Add(line);

        Assert.Equal(["b", "c", "d"], Enumerable.Range(0, history.Count).Select(i => history[i]));
    }

    [Fact]
    public void PreviousNext_WalkBackAndForth_RestoresDraft()
    {
        var history = new CommandHistory();
        history.Add("one");
        history.Add("two");

        Assert.Equal("two", history.Previous("dra"));
        Assert.Equal("one", history.Previous("ignored"));
        Assert.Equal("one", history.Previous("ignored")); // stays at the oldest
        Assert.True(history.IsNavigating);
        Assert.Equal("two", history.Next());
        Assert.Equal("dra", history.Next());
        Assert.False(history.IsNavigating);
        Assert.Null(history.Next());
    }

    [Fact]
    public void Previous_EmptyHistory_ReturnsNull()
    {
        Assert.Null(new CommandHistory().Previous("draft"));
    }

    [Fact]
    public void Reset_WhileNavigating_StartsFromNewestAgain()
    {
        var history = new CommandHistory();
        history.Add("one");
        history.Add("two");
        history.Previous("");
        history.Previous("");

        history.Reset();

        Assert.False(history.IsNavigating);
        Assert.Equal("two", history.Previous("new draft"));
        Assert.Equal("new draft", history.Next());
    }

    [Fact]
    public void Load_MoreThanCapacityAfterNavigation_KeepsNewestAndEndsNavigation()
    {
        var history = new CommandHistory(capacity: 2);
        history.Add("old");
        history.Previous("draft");

        history.Load(["a", "b", "b", "c"]);

        Assert.Equal(["b", "c"], history.Entries);
        Assert.False(history.IsNavigating);
        Assert.Equal("c", history.Previous(string.Empty));
    }
}
