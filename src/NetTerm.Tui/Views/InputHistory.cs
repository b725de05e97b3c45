namespace NetTerm.Tui.Views;

/// <summary>TEMPORARY stand-in until feat/view's CommandHistory lands: Up/Down recall of sent lines, keeping the
/// line being typed (the draft) so Down past the newest entry gives it back. Consecutive duplicates are kept once.</summary>
internal sealed class InputHistory(int capacity = 1000)
{
    private readonly List<string> _entries = [];
    private int _cursor = -1;
    private string _draft = string.Empty;

    public int Count => _entries.Count;

    public void Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _cursor = -1;
        if (line.Length == 0 || (_entries.Count > 0 && _entries[^1] == line))
        {
            return;
        }

        _entries.Add(line);
        if (_entries.Count > capacity)
        {
            _entries.RemoveAt(0);
        }
    }

    /// <summary>The older entry, or null at the oldest.</summary>
    public string? Previous(string draft)
    {
        if (_entries.Count == 0)
        {
            return null;
        }

        if (_cursor == -1)
        {
            _draft = draft;
            _cursor = _entries.Count;
        }

        if (_cursor == 0)
        {
            return null;
        }

        return _entries[--_cursor];
    }

    /// <summary>The newer entry, the draft after the newest, or null when not browsing.</summary>
    public string? Next()
    {
        if (_cursor == -1)
        {
            return null;
        }

        if (++_cursor >= _entries.Count)
        {
            _cursor = -1;
            return _draft;
        }

        return _entries[_cursor];
    }
}
