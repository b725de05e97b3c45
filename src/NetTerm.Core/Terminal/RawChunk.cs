namespace NetTerm.Core.Terminal;

/// <summary>One write or read as it crossed the wire. <see cref="Bytes"/> is a private copy.</summary>
public sealed record RawChunk(ByteDirection Direction, DateTimeOffset Timestamp, ReadOnlyMemory<byte> Bytes);
