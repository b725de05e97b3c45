namespace NetTerm.Core.Terminal;

/// <summary>
/// Byte-exact, direction-tagged record of what crossed the wire, for the hex view: a bounded ring of chunks
/// (oldest evicted first) whose bytes are kept in 64 KiB blocks, so a full 16 MiB log is 256 arrays, not a
/// million. <see cref="HexDumpFormatter"/> formats any row on demand. Thread-safe like <see cref="Scrollback"/>:
/// every member is atomic under <see cref="SyncRoot"/>; hold it to make several calls agree.
/// </summary>
public sealed class RawByteLog
{
    public const long DefaultMaxBytes = 16 * 1024 * 1024;
    private const int BlockShift = 16;
    private const int BlockSize = 1 << BlockShift;

    private readonly RingBuffer<byte[]> _blocks;
    private readonly RingBuffer<RawChunkEntry> _chunks;
    private readonly RingBuffer<HexSegment> _segments;
    private byte[]? _spare;
    private long _firstBlockStart;
    private long _start;
    private long _end;

    /// <param name="maxBytes">Bytes held at most (1 KiB to 1 GiB).</param>
    /// <param name="maxChunks">Chunks held at most; by default one per 64 bytes of <paramref name="maxBytes"/>, so
    /// a stream of one-byte writes (character mode) cannot make the index outgrow the bytes.</param>
    public RawByteLog(long maxBytes = DefaultMaxBytes, int maxChunks = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, 1L << 30);
        ArgumentOutOfRangeException.ThrowIfNegative(maxChunks);
        MaxBytes = maxBytes;
        MaxChunks = maxChunks > 0 ? maxChunks : (int)Math.Max(1024, maxBytes / 64);
        _blocks = new RingBuffer<byte[]>((int)(maxBytes / BlockSize) + 2);
        _chunks = new RingBuffer<RawChunkEntry>(MaxChunks, 256);
        _segments = new RingBuffer<HexSegment>(MaxChunks, 256);
    }

    /// <summary>Held by every member; hold it yourself to make several calls see one state.</summary>
    public Lock SyncRoot { get; } = new();

    public long MaxBytes { get; }

    public int MaxChunks { get; }

    /// <summary>Bytes held now.</summary>
    public long Count
    {
        get
        {
            lock (SyncRoot)
            {
                return _end - _start;
            }
        }
    }

    public int ChunkCount => _chunks.Count;

    /// <summary>Bytes ever received (monotonic, including evicted ones).</summary>
    public long TotalIn { get; private set; }

    /// <summary>Bytes ever sent (monotonic, including evicted ones).</summary>
    public long TotalOut { get; private set; }

    /// <summary>Changes on every append and clear.</summary>
    public long Version { get; private set; }

    internal RingBuffer<HexSegment> Segments => _segments;

    /// <summary>Records one read or write. A chunk larger than <see cref="MaxBytes"/> keeps its last MaxBytes
    /// bytes (the offsets still count the rest).</summary>
    public void Append(ByteDirection direction, ReadOnlySpan<byte> bytes, DateTimeOffset timestamp)
    {
        if (bytes.IsEmpty)
            return;
        lock (SyncRoot)
        {
            AppendLocked(direction, bytes, timestamp);
        }
    }

    private void AppendLocked(ByteDirection direction, ReadOnlySpan<byte> bytes, DateTimeOffset timestamp)
    {
        if (bytes.Length > MaxBytes)
        {
            AddTotal(direction, bytes.Length - MaxBytes);
            bytes = bytes[^(int)MaxBytes..];
        }

        while (_chunks.Count > 0 && (Count + bytes.Length > MaxBytes || _chunks.IsFull))
            EvictChunk();
        if (_blocks.Count == 0)
            _firstBlockStart = _end & ~(long)(BlockSize - 1);

        var start = _end;
        Write(bytes);
        _chunks.PushBack(new RawChunkEntry(
            start, timestamp.UtcTicks, bytes.Length, (short)timestamp.Offset.TotalMinutes, direction));
        if (_segments.Count > 0 && _segments.Last.Direction == direction)
        {
            _segments.Last = _segments.Last with { Length = _segments.Last.Length + bytes.Length };
        }
        else
        {
            var rowStart = _segments.Count == 0 ? 0 : _segments.Last.RowStart + _segments.Last.Rows;
            _segments.PushBack(new HexSegment(start, Total(direction), rowStart, bytes.Length, direction));
        }

        AddTotal(direction, bytes.Length);
        Version++;
    }

    /// <summary>Chunk <paramref name="index"/> (0 = oldest held), copied.</summary>
    public RawChunk GetChunk(int index)
    {
        lock (SyncRoot)
        {
            var entry = _chunks[index];
            var bytes = new byte[entry.Length];
            CopyBytes(entry.Start, bytes);
            return new RawChunk(entry.Direction, entry.Timestamp, bytes);
        }
    }

    /// <summary>Forgets every chunk; the totals keep counting.</summary>
    public void Clear()
    {
        lock (SyncRoot)
        {
            _blocks.Clear();
            _chunks.Clear();
            _segments.Clear();
            _start = _end;
            Version++;
        }
    }

    /// <summary>Copies held bytes from global stream position <paramref name="position"/>.</summary>
    internal void CopyBytes(long position, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var block = _blocks[(int)((position - _firstBlockStart) >> BlockShift)];
            var offset = (int)(position & (BlockSize - 1));
            var n = Math.Min(destination.Length, BlockSize - offset);
            block.AsSpan(offset, n).CopyTo(destination);
            destination = destination[n..];
            position += n;
        }
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var index = (int)((_end - _firstBlockStart) >> BlockShift);
            if (index == _blocks.Count)
            {
                // Pinned and unzeroed, like the scrollback's blocks: long-lived, and only written bytes are read.
                _blocks.PushBack(_spare ?? GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true));
                _spare = null;
            }

            var offset = (int)(_end & (BlockSize - 1));
            var n = Math.Min(bytes.Length, BlockSize - offset);
            bytes[..n].CopyTo(_blocks[index].AsSpan(offset));
            bytes = bytes[n..];
            _end += n;
        }
    }

    private void EvictChunk()
    {
        var chunk = _chunks.PopFront();
        _start += chunk.Length;
        var first = _segments.First;
        if (first.Length == chunk.Length)
        {
            _segments.PopFront();
        }
        else
        {
            _segments.First = first with
            {
                Start = first.Start + chunk.Length,
                DirectionOffset = first.DirectionOffset + chunk.Length,
                Length = first.Length - chunk.Length,
            };
        }

        while (_blocks.Count > 0 && _firstBlockStart + BlockSize <= _start)
        {
            _spare = _blocks.PopFront(); // one spare is enough: a block is freed about as often as one is needed
            _firstBlockStart += BlockSize;
        }
    }

    private long Total(ByteDirection direction) => direction == ByteDirection.In ? TotalIn : TotalOut;

    private void AddTotal(ByteDirection direction, long count)
    {
        if (direction == ByteDirection.In)
            TotalIn += count;
        else
            TotalOut += count;
    }
}
