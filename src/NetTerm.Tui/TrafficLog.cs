namespace NetTerm.Tui;

/// <summary>
/// TEMPORARY until feat/view's RawByteLog lands: the last bytes in each direction for the F2 hex view, bounded by a
/// byte budget (oldest chunks are dropped whole). UI thread only.
/// </summary>
internal sealed class TrafficLog(int budget = 256 * 1024)
{
    private readonly Queue<TrafficChunk> _chunks = new();
    private long _bytes;

    public long Version { get; private set; }

    public IReadOnlyCollection<TrafficChunk> Chunks => _chunks;

    public void Add(bool outbound, ReadOnlyMemory<byte> data, DateTimeOffset at)
    {
        if (data.IsEmpty)
        {
            return;
        }

        _chunks.Enqueue(new TrafficChunk(outbound, data.ToArray(), at));
        _bytes += data.Length;
        while (_bytes > budget && _chunks.Count > 1)
        {
            _bytes -= _chunks.Dequeue().Data.Length;
        }

        Version++;
    }

    public void Clear()
    {
        _chunks.Clear();
        _bytes = 0;
        Version++;
    }
}

/// <summary>Bytes that went one way in one piece.</summary>
internal sealed record TrafficChunk(bool Outbound, byte[] Data, DateTimeOffset At);
