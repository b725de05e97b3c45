using System.Buffers;

namespace NetTerm.Core.Terminal;

/// <summary>
/// <see cref="ControlEscaper"/> for text that arrives in chunks: a CR at the end of one chunk and an LF at the
/// start of the next are still one CR LF, and a surrogate pair split across chunks still passes. At most one
/// character is held back between calls. Not thread-safe: one instance per stream.
/// </summary>
public sealed class StreamingControlEscaper
{
    private char _carry;

    public StreamingControlEscaper(ControlEscaperOptions? options = null) =>
        Options = options ?? ControlEscaperOptions.Stdout;

    public ControlEscaperOptions Options { get; }

    /// <summary>True when a CR or high surrogate is held until the next chunk (or <see cref="Flush()"/>).</summary>
    public bool HasPending => _carry != '\0';

    /// <summary>Escapes the next chunk. A trailing CR or high surrogate is held back, not lost.</summary>
    public string Escape(ReadOnlySpan<char> chunk)
    {
        if (_carry == '\0' && EscapeTables.IndexOfSpecial(chunk, Options.Special) < 0)
            return chunk.IsEmpty ? string.Empty : new string(chunk);
        return ControlEscaper.EscapeToString(chunk, Options, isFinalBlock: false, ref _carry);
    }

    /// <summary>Escapes the next chunk into <paramref name="destination"/>; stops at a unit boundary with
    /// <see cref="OperationStatus.DestinationTooSmall"/> when it is full. Give it at least 6 characters of room.</summary>
    public OperationStatus Escape(ReadOnlySpan<char> source, Span<char> destination, out int consumed, out int written) =>
        ControlEscaper.EscapeCore(source, destination, Options, isFinalBlock: false, ref _carry, out consumed, out written);

    /// <summary>Ends the stream: a held CR becomes <c>\x0d</c>, a held high surrogate U+FFFD.</summary>
    public string Flush()
    {
        if (_carry == '\0')
            return string.Empty;
        return ControlEscaper.EscapeToString([], Options, isFinalBlock: true, ref _carry);
    }

    /// <summary>Like <see cref="Flush()"/>, into a buffer; false (and nothing held is lost) when it does not fit.</summary>
    public bool TryFlush(Span<char> destination, out int written) =>
        ControlEscaper.EscapeCore([], destination, Options, isFinalBlock: true, ref _carry, out _, out written)
        == OperationStatus.Done;

    /// <summary>Drops anything held back.</summary>
    public void Reset() => _carry = '\0';
}
