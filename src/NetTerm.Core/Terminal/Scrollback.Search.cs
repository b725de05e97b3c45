using System.Text;

namespace NetTerm.Core.Terminal;

/// <summary>Ctrl+F search over the held lines.</summary>
public sealed partial class Scrollback
{
    private char[]? _searchBuffer;

    /// <summary>
    /// The index of the first line at or after (<paramref name="forward"/>) or at or before <paramref name="fromIndex"/>
    /// whose text contains <paramref name="query"/> (ordinal, optionally ignoring case), or -1. It does not wrap:
    /// to find the next match call again from the found index ± 1, and wrap by starting from 0 or Count - 1.
    /// <see cref="LineKind.Hidden"/> lines are never matched. Decodes each line into one reused buffer, so a search
    /// over 100,000 lines allocates nothing per line.
    /// </summary>
    public int FindNext(string query, int fromIndex, bool forward, bool ignoreCase)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (SyncRoot)
        {
            return FindNextLocked(query, fromIndex, forward, ignoreCase);
        }
    }

    private int FindNextLocked(string query, int fromIndex, bool forward, bool ignoreCase)
    {
        if (query.Length == 0 || _lines.Count == 0)
            return -1;
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        _searchBuffer ??= new char[MaxLineLength];
        if (forward ? fromIndex >= _lines.Count : fromIndex < 0)
            return -1;
        var step = forward ? 1 : -1;
        for (var i = Math.Clamp(fromIndex, 0, _lines.Count - 1); i >= 0 && i < _lines.Count; i += step)
        {
            var entry = _lines[i];
            if (entry.Kind == LineKind.Hidden || entry.TextBytes == 0)
                continue;
            var length = Encoding.UTF8.GetChars(Bytes(entry, entry.TextBytes), _searchBuffer);
            if (_searchBuffer.AsSpan(0, length).Contains(query, comparison))
                return i;
        }

        return -1;
    }
}
