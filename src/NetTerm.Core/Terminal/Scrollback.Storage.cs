using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace NetTerm.Core.Terminal;

/// <summary>Byte storage: lines are packed into 64 KiB blocks (below the large object heap threshold, so they are
/// compacted like any small object), and a block is released when the oldest line still held no longer uses it.</summary>
public sealed partial class Scrollback
{
    private const int BlockSize = 64 * 1024;

    /// <summary>A run as stored: start and length (16 bits each), foreground, background (32 each), flags (8).</summary>
    private const int EncodedRunSize = 13;

    /// <summary>Spare blocks kept for reuse, so a full ring that keeps evicting does not churn the GC.</summary>
    private const int MaxPooledBlocks = 4;

    /// <summary>Blocks held at most (entries name a block by its number's low 16 bits); appends evict below it.</summary>
    private const int MaxBlockSpan = 65_536 - BlockSlack;

    /// <summary>Room above <see cref="MaxBlockSpan"/> for the last line, which can grow in place by a few blocks
    /// (a 16 K-unit line with a run per unit is 256 KiB) without evicting anything.</summary>
    private const int BlockSlack = 8;

    private readonly RingBuffer<byte[]> _blocks;
    private readonly Stack<byte[]> _pool = new();

    /// <summary>Block number of <c>_blocks[0]</c>.</summary>
    private int _firstBlock;

    /// <summary>Next free byte in the last block.</summary>
    private int _writeOffset;

    private int LastBlock => _firstBlock + _blocks.Count - 1;

    /// <summary>Tests start the block numbering elsewhere, to cross a 16-bit wrap without writing 4 GiB.</summary>
    internal int StartBlockNumber
    {
        init => _firstBlock = value;
    }

    /// <summary>Writes one piece (text and the runs that intersect it, rebased to the piece) at the end of the
    /// block storage. <paramref name="runIndex"/> is the first run not yet wholly written, carried between the
    /// pieces of one line so splitting a long line stays linear.</summary>
    private (int Block, int Offset, ushort TextBytes, ushort RunCount) Write(
        ReadOnlySpan<char> piece, ReadOnlySpan<StyleRun> runs, int pieceStart, ref int runIndex)
    {
        var pieceEnd = pieceStart + piece.Length;
        while (runIndex < runs.Length && runs[runIndex].End <= pieceStart)
            runIndex++;
        var maxRuns = 0;
        for (var i = runIndex; i < runs.Length && runs[i].Start < pieceEnd; i++)
            maxRuns++;

        // ASCII (nearly every line) is narrowed in one pass into room for one byte a unit; anything else is then
        // measured and encoded as UTF-8 over it. Invalid UTF-16 (a lone surrogate) becomes U+FFFD, one UTF-16 unit
        // like the original, so run positions stay valid after the round trip.
        var textBytes = piece.Length;
        var (block, offset) = Reserve(textBytes + (maxRuns * EncodedRunSize));
        if (textBytes == 0 && maxRuns == 0)
            return (block, offset, 0, 0);

        var span = _blocks[block - _firstBlock].AsSpan(offset);
        if (Ascii.FromUtf16(piece, span, out _) != OperationStatus.Done)
        {
            textBytes = Encoding.UTF8.GetByteCount(piece);
            (block, offset) = Reserve(textBytes + (maxRuns * EncodedRunSize));
            span = _blocks[block - _firstBlock].AsSpan(offset);
            Encoding.UTF8.GetBytes(piece, span);
        }

        var runSpan = span[textBytes..];
        int runCount = 0, lastStart = 0, lastEnd = -1;
        CellStyle lastStyle = default;
        for (; runIndex < runs.Length && runs[runIndex].Start < pieceEnd; runIndex++)
        {
            var run = runs[runIndex];
            var start = Math.Max(run.Start, pieceStart) - pieceStart;
            var end = Math.Min(run.End, pieceEnd) - pieceStart;
            if (end > start && !run.Style.IsDefault)
            {
                if (runCount > 0 && lastEnd == start && lastStyle == run.Style)
                {
                    // Adjacent runs in the same style: extend the previous one instead of storing another.
                    lastEnd = end;
                    EncodeRun(runSpan[((runCount - 1) * EncodedRunSize)..], lastStart, lastEnd - lastStart, lastStyle);
                }
                else
                {
                    EncodeRun(runSpan[(runCount * EncodedRunSize)..], start, end - start, run.Style);
                    runCount++;
                    (lastStart, lastEnd, lastStyle) = (start, end, run.Style);
                }
            }

            if (run.End > pieceEnd)
                break; // continues in the next piece
        }

        _writeOffset = offset + textBytes + (runCount * EncodedRunSize);
        return (block, offset, (ushort)textBytes, (ushort)runCount);
    }

    private (int Block, int Offset) Reserve(int size)
    {
        // An entry stores a 16-bit offset: past that (only the end of an oversized block) a new block starts.
        if (_blocks.Count > 0 && _blocks.Last.Length - _writeOffset >= size && _writeOffset <= ScrollbackEntry.MaxOffset)
            return (LastBlock, _writeOffset);

        // A rewound last block that holds nothing else (ReplaceLast grew past it) is given back rather than
        // left behind empty.
        if (_blocks.Count > 0 && _writeOffset == 0)
            ReturnBlock(_blocks.PopBack());
        var block = size <= BlockSize ? (_pool.Count > 0 ? _pool.Pop() : NewBlock()) : new byte[size];
        _blocks.PushBack(block);
        _writeOffset = 0;
        return (LastBlock, 0);
    }

    /// <summary>Blocks live long: on the pinned object heap they are never copied from generation to generation by
    /// the collector (a flood fills them faster than gen 0 is collected), and their bytes are always written before
    /// an entry points at them, so they need no zeroing.</summary>
    internal static byte[] NewBlock() => GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);

    private void EvictFirst()
    {
        _lines.PopFront();
        var keepFrom = _lines.Count > 0 ? BlockOf(_lines.First) : LastBlock;
        DropOffsetsBefore(TotalAppended - _lines.Count);
        while (_blocks.Count > 1 && _firstBlock < keepFrom)
        {
            ReturnBlock(_blocks.PopFront());
            _firstBlock++;
        }
    }

    private void ReturnBlock(byte[] block)
    {
        if (block.Length == BlockSize && _pool.Count < MaxPooledBlocks)
            _pool.Push(block);
    }

    private ReadOnlySpan<byte> Bytes(ScrollbackEntry entry, int length) =>
        length == 0 ? [] : _blocks[BlockOf(entry) - _firstBlock].AsSpan(entry.Offset, length);

    /// <summary>The block number of an entry: the held blocks span fewer than 65,536 numbers from
    /// <see cref="_firstBlock"/>, so the low 16 bits decide it.</summary>
    private int BlockOf(ScrollbackEntry entry) => _firstBlock + (ushort)(entry.BlockLow - (ushort)_firstBlock);

    private string DecodeText(ScrollbackEntry entry) =>
        entry.TextBytes == 0 ? string.Empty : Encoding.UTF8.GetString(Bytes(entry, entry.TextBytes));

    private StyleRun[] DecodeRuns(ScrollbackEntry entry)
    {
        if (entry.RunCount == 0)
            return [];
        var bytes = Bytes(entry, entry.TextBytes + (entry.RunCount * EncodedRunSize))[entry.TextBytes..];
        var runs = new StyleRun[entry.RunCount];
        for (var i = 0; i < runs.Length; i++)
        {
            var b = bytes[(i * EncodedRunSize)..];
            runs[i] = new StyleRun(
                BinaryPrimitives.ReadUInt16LittleEndian(b),
                BinaryPrimitives.ReadUInt16LittleEndian(b[2..]),
                new CellStyle(
                    TermColor.FromPacked(BinaryPrimitives.ReadUInt32LittleEndian(b[4..])),
                    TermColor.FromPacked(BinaryPrimitives.ReadUInt32LittleEndian(b[8..])),
                    (StyleFlags)b[12]));
        }

        return runs;
    }

    private static void EncodeRun(Span<byte> destination, int start, int length, CellStyle style)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)start);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], (ushort)length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], style.Foreground.Packed);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], style.Background.Packed);
        destination[12] = (byte)style.Flags;
    }
}
