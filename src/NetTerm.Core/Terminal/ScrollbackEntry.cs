namespace NetTerm.Core.Terminal;

/// <summary>
/// Where one scrollback line lives: 16 bytes per line, no object (a million lines cost 16 MB of entries). The text
/// (UTF-8) and then <see cref="RunCount"/> encoded style runs are stored at <see cref="Offset"/> in the block whose
/// monotonic number ends in <see cref="BlockLow"/>: the scrollback never holds more than 65,536 blocks at once, so
/// the low 16 bits name the block unambiguously. The UTC offset of the timestamp is kept by the scrollback, which
/// records it only when it changes.
/// </summary>
internal readonly struct ScrollbackEntry
{
    private const int KindBits = 3;

    /// <summary>Timestamps are clamped to this (the year 7307) so the kind fits beside them.</summary>
    internal const long MaxTicks = (1L << (64 - KindBits)) - 1;

    /// <summary>Offsets above this cannot be stored; the scrollback starts a new block instead.</summary>
    internal const int MaxOffset = ushort.MaxValue;

    private readonly ulong _stamp;
    private readonly uint _where;
    private readonly uint _size;

    public ScrollbackEntry(long utcTicks, int block, int offset, ushort textBytes, ushort runCount, LineKind kind)
    {
        _stamp = ((ulong)Math.Clamp(utcTicks, 0, MaxTicks) << KindBits) | (byte)kind;
        _where = ((uint)(ushort)block << 16) | (ushort)offset;
        _size = ((uint)runCount << 16) | textBytes;
    }

    public long UtcTicks => (long)(_stamp >> KindBits);

    public LineKind Kind => (LineKind)(_stamp & ((1 << KindBits) - 1));

    /// <summary>The low 16 bits of the block number.</summary>
    public ushort BlockLow => (ushort)(_where >> 16);

    public int Offset => (int)(_where & 0xFFFF);

    public ushort TextBytes => (ushort)_size;

    public ushort RunCount => (ushort)(_size >> 16);

    /// <summary>The same line (kind and time) stored elsewhere.</summary>
    public ScrollbackEntry Moved(int block, int offset, ushort textBytes, ushort runCount) =>
        new(UtcTicks, block, offset, textBytes, runCount, Kind);
}
