namespace NetTerm.Tui.Views;

/// <summary>
/// TEMPORARY stand-in until feat/view's Scrollback lands: a bounded ring of lines with O(1) append. Lines are
/// addressed by absolute number (0 = the first line ever appended), so a selection or search hit survives the
/// oldest lines falling off. UI thread only.
/// </summary>
internal sealed class OutputLines
{
    private readonly OutputLine[] _ring;
    private int _start;

    public OutputLines(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new OutputLine[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Lines appended since the start; the absolute number of the next line.</summary>
    public long TotalAppended { get; private set; }

    /// <summary>Absolute number of the oldest line still held.</summary>
    public long First => TotalAppended - Count;

    /// <summary>Changes on every append, replace or clear (cheap "did anything change" for the view).</summary>
    public long Version { get; private set; }

    public void Append(OutputLine line)
    {
        if (Count < _ring.Length)
        {
            _ring[(_start + Count) % _ring.Length] = line;
            Count++;
        }
        else
        {
            _ring[_start] = line;
            _start = (_start + 1) % _ring.Length;
        }

        TotalAppended++;
        Version++;
    }

    public void ReplaceLast(OutputLine line)
    {
        if (Count == 0)
        {
            Append(line);
            return;
        }

        _ring[(_start + Count - 1) % _ring.Length] = line;
        Version++;
    }

    /// <summary>The line at <paramref name="index"/> (0 = oldest held).</summary>
    public OutputLine this[int index] => _ring[(_start + index) % _ring.Length];

    public OutputLine? Last => Count == 0 ? null : this[Count - 1];

    public void Clear()
    {
        Array.Clear(_ring);
        _start = 0;
        Count = 0;
        Version++;
    }

    /// <summary>Index (0 = oldest held) of the next line containing <paramref name="text"/>, searching from
    /// <paramref name="from"/> in the given direction and wrapping once; -1 when none.</summary>
    public int FindNext(string text, int from, bool forward)
    {
        if (Count == 0 || string.IsNullOrEmpty(text))
        {
            return -1;
        }

        for (var step = 0; step < Count; step++)
        {
            var i = forward ? from + step : from - step;
            i = ((i % Count) + Count) % Count;
            if (this[i].Text.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
