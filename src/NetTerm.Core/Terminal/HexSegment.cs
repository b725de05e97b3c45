namespace NetTerm.Core.Terminal;

/// <summary>
/// Consecutive chunks in one direction, laid out as hex rows of 16 bytes from <see cref="Start"/>.
/// <see cref="DirectionOffset"/> is the position of <see cref="Start"/> in that direction's own byte count (the
/// offset column). <see cref="RowStart"/> numbers rows across segments; only the oldest segment shrinks (eviction),
/// so the others' numbers stay consistent.
/// </summary>
internal readonly record struct HexSegment(long Start, long DirectionOffset, long RowStart, int Length, ByteDirection Direction)
{
    public const int BytesPerRow = 16;

    public int Rows => (Length + BytesPerRow - 1) / BytesPerRow;
}
