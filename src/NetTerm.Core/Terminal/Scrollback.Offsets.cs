namespace NetTerm.Core.Terminal;

/// <summary>UTC offsets of the line timestamps, kept apart from the 16-byte entries: a session's lines nearly all
/// share one offset, so only changes are recorded (line number from which an offset applies).</summary>
public sealed partial class Scrollback
{
    private readonly RingBuffer<OffsetChange> _offsets;

    private readonly record struct OffsetChange(long FromLine, short Minutes);

    private void RecordOffset(long lineNumber, short minutes)
    {
        if (_offsets.Count > 0 && _offsets.Last.Minutes == minutes)
            return;
        _offsets.PushBack(new OffsetChange(lineNumber, minutes));
    }

    /// <summary>Forgets changes that only lines before <paramref name="firstLine"/> used.</summary>
    private void DropOffsetsBefore(long firstLine)
    {
        while (_offsets.Count > 1 && _offsets[1].FromLine <= firstLine)
            _offsets.PopFront();
    }

    private short OffsetMinutesOf(long lineNumber)
    {
        // The last change at or before the line; nearly always the only one.
        int lo = 0, hi = _offsets.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_offsets[mid].FromLine <= lineNumber)
                lo = mid;
            else
                hi = mid - 1;
        }

        return _offsets.Count == 0 ? (short)0 : _offsets[lo].Minutes;
    }
}
