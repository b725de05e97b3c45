namespace NetTerm.Core.Terminal;

/// <summary>One chunk of a <see cref="RawByteLog"/>: its bytes are at global stream position <see cref="Start"/>.</summary>
internal readonly record struct RawChunkEntry(long Start, long UtcTicks, int Length, short OffsetMinutes, ByteDirection Direction)
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
