using System.Buffers;
using System.Text;

namespace NetTerm.Core.Text;

/// <summary>Decodes a byte stream chunk by chunk. A multi-byte sequence split across reads is kept until its
/// remaining bytes arrive. Not thread-safe: one instance per stream, used by its read loop.</summary>
public sealed class StreamingTextDecoder
{
    private readonly Decoder _decoder;

    /// <param name="encoding">Its decoder fallback decides what invalid bytes become; use
    /// <see cref="TextDecoderFactory.GetDecodingEncoding"/> for U+FFFD.</param>
    public StreamingTextDecoder(Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        Encoding = encoding;
        _decoder = encoding.GetDecoder();
    }

    public Encoding Encoding { get; }

    /// <summary>Decodes <paramref name="bytes"/>; an incomplete trailing sequence is held for the next call.</summary>
    public string Decode(ReadOnlySpan<byte> bytes) => DecodeCore(bytes, flush: false);

    /// <summary>Ends the stream: a held incomplete sequence decodes as U+FFFD; the decoder is then reset.</summary>
    public string Flush() => DecodeCore([], flush: true);

    private string DecodeCore(ReadOnlySpan<byte> bytes, bool flush)
    {
        // Room for what this chunk decodes to plus whatever bytes the decoder is still holding from the last one.
        var max = Encoding.GetMaxCharCount(bytes.Length + 8);
        char[]? rented = null;
        var buffer = max <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(max));
        try
        {
            var count = _decoder.GetChars(bytes, buffer, flush);
            return count == 0 ? string.Empty : new string(buffer[..count]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }
}
