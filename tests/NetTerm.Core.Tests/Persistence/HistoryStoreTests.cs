using NetTerm.Core.Persistence;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Persistence;

public sealed class HistoryStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly HistoryStore _store;

    public HistoryStoreTests() => _store = new HistoryStore(_temp.Combine("history"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_Missing_IsEmpty() => Assert.Empty(_store.Load("work"));

    [Fact]
    public void Save_ThenLoad_RoundTripsInOrderAsOneLineEach()
    {
        string[] lines = ["EHLO me", "MAIL FROM:<a@b>", "  spaced  ", "ünïcode ✓"];

        _store.Save("work", lines);

        Assert.Equal(lines, _store.Load("work"));
        Assert.Equal("EHLO me\nMAIL FROM:<a@b>\n  spaced  \nünïcode ✓\n", File.ReadAllText(Path.Combine(_store.Directory, "work.txt")));
    }

    [Fact]
    public void Save_MoreThanTheCap_KeepsTheNewest()
    {
        _store.Save("work", Enumerable.Range(1, HistoryStore.MaxLines + 250).Select(i => $"cmd {i}"));

        var loaded = _store.Load("work");

        Assert.Equal(HistoryStore.MaxLines, loaded.Count);
        Assert.Equal("cmd 251", loaded[0]);
        Assert.Equal($"cmd {HistoryStore.MaxLines + 250}", loaded[^1]);
    }

    [Fact]
    public void Save_EmptyAndMultiLineEntries_AreSkipped()
    {
        _store.Save("work", ["one", "", "two\nthree", "four\r", "five"]);

        Assert.Equal(["one", "five"], _store.Load("work"));
    }

    [Fact]
    public void Save_Again_ReplacesAndLeavesNoTempFiles()
    {
        _store.Save("work", ["old"]);
        _store.Save("work", ["new"]);

        Assert.Equal(["new"], _store.Load("work"));
        Assert.Equal(["work.txt"], Directory.GetFiles(_store.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Load_HandEditedLongFileWithCrlf_CapsAndStripsLineEndings()
    {
        Directory.CreateDirectory(_store.Directory);
        File.WriteAllText(Path.Combine(_store.Directory, "work.txt"),
            string.Concat(Enumerable.Range(1, HistoryStore.MaxLines + 5).Select(i => $"c{i}\r\n")));

        var loaded = _store.Load("work");

        Assert.Equal(HistoryStore.MaxLines, loaded.Count);
        Assert.Equal("c6", loaded[0]);
    }

    [Fact]
    public void SaveAndLoad_InvalidName_Throw()
    {
        Assert.Throws<ArgumentException>(() => _store.Save("../x", ["a"]));
        Assert.Throws<ArgumentException>(() => _store.Load("a\\b"));
    }
}
