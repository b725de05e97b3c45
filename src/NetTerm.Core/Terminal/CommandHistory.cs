namespace NetTerm.Core.Terminal;

/// <summary>
/// The input line's Up/Down history for one session: bounded, oldest dropped first, no empty entries and no
/// consecutive duplicates. It never decides what is secret: the caller must not <see cref="Add"/> a line the
/// user typed while echo was off, an AUTH exchange or anything a profile marks secret.
/// </summary>
public sealed class CommandHistory
{
    public const int DefaultCapacity = 1000;

    private readonly RingBuffer<string> _entries;

    /// <summary>Index into the entries while navigating, or -1.</summary>
    private int _position = -1;

    private string _draft = string.Empty;

    public CommandHistory(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _entries = new RingBuffer<string>(capacity);
    }

    public int Capacity { get; }

    public int Count => _entries.Count;

    /// <summary>True between the first <see cref="Previous"/> and the <see cref="Next"/> that returns the draft.</summary>
    public bool IsNavigating => _position >= 0;

    /// <summary>Entry <paramref name="index"/>, 0 = oldest.</summary>
    public string this[int index] => _entries[index];

    /// <summary>The entries, oldest first (to save them).</summary>
    public IEnumerable<string> Entries
    {
        get
        {
            for (var i = 0; i < _entries.Count; i++)
                yield return _entries[i];
        }
    }

    /// <summary>Replaces every entry (a session's saved history was loaded); the newest <see cref="Capacity"/> are kept.</summary>
    public void Load(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Reset();
        while (_entries.Count > 0)
            _entries.PopFront();
        foreach (var line in lines)
            Add(line);
    }

    /// <summary>Records a submitted line and ends navigation. Empty lines and a repeat of the newest entry are
    /// not recorded.</summary>
    public void Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Reset();
        if (line.Length == 0 || (_entries.Count > 0 && _entries.Last == line))
            return;
        if (_entries.IsFull)
            _entries.PopFront();
        _entries.PushBack(line);
    }

    /// <summary>
    /// The entry before the one shown (Up). The first call saves <paramref name="currentDraft"/>, the text being
    /// typed, so coming back down past the newest entry restores it. At the oldest entry it stays there. Null when
    /// the history is empty.
    /// </summary>
    public string? Previous(string currentDraft)
    {
        if (_entries.Count == 0)
            return null;
        if (_position < 0)
        {
            _draft = currentDraft ?? string.Empty;
            _position = _entries.Count;
        }

        _position = Math.Max(0, _position - 1);
        return _entries[_position];
    }

    /// <summary>The entry after the one shown (Down); past the newest, the saved draft (and navigation ends).
    /// Null when not navigating: the input line keeps its text.</summary>
    public string? Next()
    {
        if (_position < 0)
            return null;
        if (++_position < _entries.Count)
            return _entries[_position];
        var draft = _draft;
        Reset();
        return draft;
    }

    /// <summary>Ends navigation and forgets the draft (Esc, or the line was submitted).</summary>
    public void Reset()
    {
        _position = -1;
        _draft = string.Empty;
    }
}
