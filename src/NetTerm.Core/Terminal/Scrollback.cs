namespace NetTerm.Core.Terminal;

/// <summary>
/// The output view's lines: a bounded ring of styled lines, oldest evicted first. Plain C#, no UI types, so the
/// view only draws the visible range (<see cref="GetLine"/>) and redraws when <see cref="Version"/> changes.
/// </summary>
/// <remarks>
/// Text is stored as UTF-8 in 64 KiB blocks, with a 16-byte entry per line, and style runs only for lines that
/// have them; evicting lines frees whole blocks, which are reused. A string per line would cost about 2.3 times
/// the text in managed memory; this layout costs about 1.2 times for 80-column ASCII. At most 65,536 blocks
/// (4 GiB of text) are held: beyond that the oldest lines are evicted as if the line cap were reached.
/// <para>Thread-safe: every member is atomic under <see cref="SyncRoot"/>, so a session's reader can append while
/// the UI draws. A caller that needs several calls to agree (a frame, a save) holds <see cref="SyncRoot"/> around
/// them. Indexes shift as old lines are evicted; <see cref="Count"/> never drops except on <see cref="Clear"/>.</para>
/// </remarks>
public sealed partial class Scrollback
{
    public const int DefaultMaxLines = 100_000;
    public const int DefaultMaxLineLength = 4096;

    /// <summary>A line's UTF-8 length must fit the entry's 16-bit length (3 bytes per UTF-16 unit at most).</summary>
    private const int MaxLineLengthLimit = 16_384;

    private readonly RingBuffer<ScrollbackEntry> _lines;

    public Scrollback(int maxLines = DefaultMaxLines, int maxLineLength = DefaultMaxLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLineLength, MaxLineLengthLimit);
        MaxLines = maxLines;
        MaxLineLength = maxLineLength;
        // The entry ring is allocated at its full size at once: growing it by doubling left the outgrown arrays
        // (as large again as the ring) as large-object garbage until a full collection, which measured 16 MB of a
        // million-line scrollback. The pages of a fresh array are not touched until lines are written to them, so a
        // ring that never fills still costs only what it holds.
        _lines = new RingBuffer<ScrollbackEntry>(maxLines, initialCapacity: maxLines);
        _blocks = new RingBuffer<byte[]>(Math.Min(maxLines + 2, MaxBlockSpan + BlockSlack));
        // One change per held line at most, plus the one in force before the first of them.
        _offsets = new RingBuffer<OffsetChange>(maxLines + 1, initialCapacity: 4);
    }

    /// <summary>Held by every member; hold it yourself to make several calls see one state.</summary>
    public Lock SyncRoot { get; } = new();

    /// <summary>Lines held now (at most <see cref="MaxLines"/>).</summary>
    public int Count => _lines.Count;

    public int MaxLines { get; }

    /// <summary>Longer lines are split into several lines of at most this many UTF-16 units.</summary>
    public int MaxLineLength { get; }

    /// <summary>Lines ever appended (split parts count separately); never decreases, not even on
    /// <see cref="Clear"/>.</summary>
    public long TotalAppended { get; private set; }

    /// <summary>The number of lines ever removed from the front (evicted or cleared): line <c>i</c> is line number
    /// <c>FirstLineNumber + i</c> of the session, which stays stable while older lines are evicted.</summary>
    public long FirstLineNumber
    {
        get
        {
            lock (SyncRoot)
            {
                return TotalAppended - _lines.Count;
            }
        }
    }

    /// <summary>Changes on every append, replace and clear.</summary>
    public long Version { get; private set; }

    /// <summary>Appends a line; a line longer than <see cref="MaxLineLength"/> becomes several. O(1) amortised,
    /// plus one eviction when full. <paramref name="runs"/> must be sorted, non-overlapping and inside the text.</summary>
    public void Append(LineKind kind, ReadOnlySpan<char> text, ReadOnlySpan<StyleRun> runs, DateTimeOffset timestamp)
    {
        ValidateRuns(text.Length, runs);
        lock (SyncRoot)
        {
            AppendPieces(kind, text, runs, 0, timestamp);
            Version++;
        }
    }

    /// <summary>Appends a line of ASCII without styles, at most <see cref="MaxLineLength"/> long (the text processor's
    /// plain-line path): the bytes are copied as they are, with no UTF-16 to narrow.</summary>
    internal void AppendAscii(LineKind kind, ReadOnlySpan<byte> text, DateTimeOffset timestamp)
    {
        if (text.Length > MaxLineLength)
            throw new ArgumentException("An ASCII line must fit on one line.", nameof(text));
        lock (SyncRoot)
        {
            // The eviction and entry steps of AppendPieces, written out again on purpose: shared through two small
            // methods they measured 4-5 % slower in a flood's recording (Native AOT), even marked for inlining.
            while (_lines.Count > 0 && (_lines.IsFull || _blocks.Count >= MaxBlockSpan))
                EvictFirst();
            var (block, offset) = Reserve(text.Length);
            if (!text.IsEmpty)
            {
                text.CopyTo(_blocks[block - _firstBlock].AsSpan(offset));
                _writeOffset = offset + text.Length;
            }

            RecordOffset(TotalAppended, (short)timestamp.Offset.TotalMinutes);
            _lines.PushBack(new ScrollbackEntry(timestamp.UtcTicks, block, offset, (ushort)text.Length, 0, kind));
            TotalAppended++;
            Version++;
        }
    }

    /// <summary>
    /// Replaces the text and runs of the last line (the line being edited by CR, BS or CSI K), keeping its kind and
    /// timestamp. Text beyond <see cref="MaxLineLength"/> continues on new lines.
    /// </summary>
    /// <exception cref="InvalidOperationException">The scrollback is empty.</exception>
    public void ReplaceLast(ReadOnlySpan<char> text, ReadOnlySpan<StyleRun> runs)
    {
        lock (SyncRoot)
        {
            ReplaceLastLocked(text, runs);
        }
    }

    private void ReplaceLastLocked(ReadOnlySpan<char> text, ReadOnlySpan<StyleRun> runs)
    {
        if (_lines.Count == 0)
            throw new InvalidOperationException("The scrollback is empty: there is no last line to replace.");
        ValidateRuns(text.Length, runs);
        var last = _lines.Last;
        var lastTimestamp = GetTimestamp(_lines.Count - 1);
        var end = SplitEnd(text, 0);
        var runIndex = 0;

        // The last line is always the last thing written, so its bytes can be rewritten in place.
        _writeOffset = last.Offset;
        var (block, offset, textBytes, runCount) = Write(text[..end], runs, 0, ref runIndex);
        _lines.Last = last.Moved(block, offset, textBytes, runCount);
        if (end < text.Length)
            AppendPieces(last.Kind, text, runs, end, lastTimestamp);
        Version++;
    }

    /// <summary>Removes every line. <see cref="TotalAppended"/> keeps counting.</summary>
    public void Clear()
    {
        lock (SyncRoot)
        {
            while (_blocks.Count > 0)
                ReturnBlock(_blocks.PopFront());
            _lines.Clear();
            _offsets.Clear();
            _firstBlock = 0;
            _writeOffset = 0;
            Version++;
        }
    }

    /// <summary>Materialises line <paramref name="index"/> (0 = oldest held).</summary>
    public ScrollbackLine GetLine(int index)
    {
        lock (SyncRoot)
        {
            var entry = _lines[index];
            return new ScrollbackLine(entry.Kind, DecodeText(entry), DecodeRuns(entry), GetTimestamp(index));
        }
    }

    /// <summary>A line's kind without materialising its text.</summary>
    public LineKind GetKind(int index)
    {
        lock (SyncRoot)
        {
            return _lines[index].Kind;
        }
    }

    /// <summary>A line's timestamp without materialising its text (for delta timestamps).</summary>
    public DateTimeOffset GetTimestamp(int index)
    {
        lock (SyncRoot)
        {
            var offset = TimeSpan.FromMinutes(OffsetMinutesOf(FirstLineNumber + index));
            return new DateTimeOffset(_lines[index].UtcTicks + offset.Ticks, offset);
        }
    }

    private void AppendPieces(LineKind kind, ReadOnlySpan<char> text, ReadOnlySpan<StyleRun> runs, int start, DateTimeOffset timestamp)
    {
        var runIndex = 0;
        var pos = start;
        do
        {
            var end = SplitEnd(text, pos);
            while (_lines.Count > 0 && (_lines.IsFull || _blocks.Count >= MaxBlockSpan))
                EvictFirst();
            var (block, offset, textBytes, runCount) = Write(text[pos..end], runs, pos, ref runIndex);
            RecordOffset(TotalAppended, (short)timestamp.Offset.TotalMinutes);
            _lines.PushBack(new ScrollbackEntry(timestamp.UtcTicks, block, offset, textBytes, runCount, kind));
            TotalAppended++;
            pos = end;
        }
        while (pos < text.Length);
    }

    /// <summary>End of the piece that starts at <paramref name="start"/>: at most MaxLineLength units, and never
    /// between the halves of a surrogate pair.</summary>
    private int SplitEnd(ReadOnlySpan<char> text, int start)
    {
        var end = Math.Min(text.Length, start + MaxLineLength);
        if (end < text.Length && end - 1 > start && char.IsHighSurrogate(text[end - 1]) && char.IsLowSurrogate(text[end]))
            end--;
        return end;
    }

    private static void ValidateRuns(int textLength, ReadOnlySpan<StyleRun> runs)
    {
        var previousEnd = 0;
        foreach (var run in runs)
        {
            if (run.Start < previousEnd || run.Length < 0 || run.End > textLength)
                throw new ArgumentException("Style runs must be sorted, must not overlap and must lie inside the text.", nameof(runs));
            previousEnd = run.End;
        }
    }
}
