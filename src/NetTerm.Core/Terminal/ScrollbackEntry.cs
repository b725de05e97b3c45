namespace NetTerm.Core.Terminal;

/// <summary>
/// Where one scrollback line lives: 24 bytes per line, no object. The text (UTF-8) and then
/// <see cref="RunCount"/> encoded style runs are stored at <see cref="Offset"/> in block <see cref="Block"/>
/// (a monotonic block number, not an index). Largest fields first so the struct packs without padding.
/// </summary>
internal readonly record struct ScrollbackEntry(
    long UtcTicks, int Block, int Offset, ushort TextBytes, ushort RunCount, short OffsetMinutes, LineKind Kind)
{
    public DateTimeOffset Timestamp
    {
        get
        {
            var offset = TimeSpan.FromMinutes(OffsetMinutes);
            return new DateTimeOffset(UtcTicks + offset.Ticks, offset);
        }
    }
}
