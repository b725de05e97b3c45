using Xunit;

namespace NetTerm.Testing;

/// <summary>Splits a byte stream into chunks as a <see cref="Chunking"/> says.</summary>
public static class Chunker
{
    /// <summary>Every chunking, for theories.</summary>
    public static TheoryData<Chunking> All => new(Chunking.Whole, Chunking.PerLine, Chunking.PerByte);

    /// <summary>The chunks of <paramref name="input"/>, in order; concatenated they are the input again.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> input, Chunking chunking)
    {
        switch (chunking)
        {
            case Chunking.Whole:
                yield return input;
                break;
            case Chunking.PerByte:
                for (var i = 0; i < input.Length; i++)
                {
                    yield return input.Slice(i, 1);
                }

                break;
            case Chunking.PerLine:
                var start = 0;
                for (var i = 0; i < input.Length; i++)
                {
                    var b = input.Span[i];
                    var end = b == (byte)'\n' ? i + 1 : b == 0xFF && i > start ? i : -1;
                    if (end > start)
                    {
                        yield return input[start..end];
                        start = end;
                    }
                }

                if (start < input.Length)
                {
                    yield return input[start..];
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(chunking), chunking, null);
        }
    }
}
