using System.Buffers;
using System.Text;

namespace NetTerm.Core.Terminal;

/// <summary>
/// Neutralises untrusted text for a plain stdout or a transcript: nothing the peer sends can move the cursor,
/// set the clipboard (OSC 52), change the title, reorder the line (bidi) or hide text (zero-width characters).
/// </summary>
/// <remarks>
/// C0 controls and DEL become <c>\xHH</c> (two lowercase hex digits; a lone CR is <c>\x0d</c>, never <c>\r</c>, so
/// every control has one spelling). C1 controls (U+0080-U+009F), bidi controls and invisible format characters
/// become <c>\uHHHH</c> (four lowercase hex digits). A valid surrogate pair passes; a lone surrogate becomes
/// U+FFFD. Backslashes are not doubled: the output is for reading, not for round-tripping back to the input.
/// </remarks>
public static class ControlEscaper
{
    /// <summary>The longest output for one input unit (<c>\uHHHH</c>).</summary>
    internal const int MaxUnitLength = ControlCharClassifier.MaxEscapedLength;

    /// <summary>Escapes a complete text. Returns <paramref name="text"/> itself when nothing needs escaping.</summary>
    public static string Escape(string text, ControlEscaperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= ControlEscaperOptions.Stdout;
        if (EscapeTables.IndexOfSpecial(text, options.Special) < 0)
            return text;
        var carry = '\0';
        return EscapeToString(text, options, isFinalBlock: true, ref carry);
    }

    /// <summary>Escapes a complete text into <paramref name="destination"/>, stopping before the first unit that
    /// does not fit (<see cref="OperationStatus.DestinationTooSmall"/>); call again with the rest.</summary>
    public static OperationStatus Escape(
        ReadOnlySpan<char> source, Span<char> destination, ControlEscaperOptions options, out int consumed, out int written)
    {
        ArgumentNullException.ThrowIfNull(options);
        var carry = '\0';
        return EscapeCore(source, destination, options, isFinalBlock: true, ref carry, out consumed, out written);
    }

    /// <summary>Appends the escaped form of a complete text to <paramref name="builder"/>.</summary>
    public static void Escape(ReadOnlySpan<char> source, StringBuilder builder, ControlEscaperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= ControlEscaperOptions.Stdout;
        Span<char> buffer = stackalloc char[256];
        var carry = '\0';
        while (true)
        {
            var status = EscapeCore(source, buffer, options, isFinalBlock: true, ref carry, out var consumed, out var written);
            builder.Append(buffer[..written]);
            if (status == OperationStatus.Done)
                return;
            source = source[consumed..];
        }
    }

    internal static string EscapeToString(ReadOnlySpan<char> source, ControlEscaperOptions options, bool isFinalBlock, ref char carry)
    {
        // Most chunks need few escapes, so a buffer a little larger than the input usually takes all of it in
        // one pass; escape-dense input spills into a StringBuilder instead of reserving 6x up front.
        var size = source.Length + 64;
        char[]? rented = null;
        var buffer = size <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(size));
        try
        {
            StringBuilder? spill = null;
            while (true)
            {
                var status = EscapeCore(source, buffer, options, isFinalBlock, ref carry, out var consumed, out var written);
                if (status == OperationStatus.Done)
                {
                    if (spill is null)
                        return written == 0 ? string.Empty : new string(buffer[..written]);
                    return spill.Append(buffer[..written]).ToString();
                }

                (spill ??= new StringBuilder(size * 2)).Append(buffer[..written]);
                source = source[consumed..];
            }
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The escaping state machine. <paramref name="carry"/> holds a CR (when CR LF is folded) or a high surrogate
    /// that ended the previous block, so a pair split across chunks is still recognised; it is '\0' when empty.
    /// With <paramref name="isFinalBlock"/> nothing is carried out. Returns Done when all of
    /// <paramref name="source"/> was consumed, DestinationTooSmall when stopped at a unit boundary.
    /// </summary>
    internal static OperationStatus EscapeCore(
        ReadOnlySpan<char> source,
        Span<char> destination,
        ControlEscaperOptions options,
        bool isFinalBlock,
        ref char carry,
        out int consumed,
        out int written)
    {
        int si = 0, di = 0;
        if (carry != '\0')
        {
            if (source.IsEmpty && !isFinalBlock)
            {
                consumed = written = 0;
                return OperationStatus.Done;
            }

            var next = source.IsEmpty ? '\0' : source[0];
            bool fits;
            if (carry == '\r')
            {
                fits = next == '\n' ? WriteLineFeed(destination, ref di, options) : WriteEscaped(destination, ref di, '\r');
                if (fits && next == '\n')
                    si = 1;
            }
            else if (char.IsLowSurrogate(next))
            {
                fits = WritePair(destination, ref di, carry, next);
                if (fits)
                    si = 1;
            }
            else
            {
                fits = WriteChar(destination, ref di, '\uFFFD');
            }

            if (!fits)
            {
                consumed = written = 0;
                return OperationStatus.DestinationTooSmall;
            }

            carry = '\0';
        }

        var special = options.Special;
        while (si < source.Length)
        {
            var rest = source[si..];
            var index = EscapeTables.IndexOfSpecial(rest, special);
            var run = index < 0 ? rest.Length : index;
            if (run > 0)
            {
                var n = Math.Min(run, destination.Length - di);
                rest[..n].CopyTo(destination[di..]);
                si += n;
                di += n;
                if (n < run)
                    break;
            }

            if (index < 0)
                break;

            var c = source[si];
            var hasNext = si + 1 < source.Length;
            var next = hasNext ? source[si + 1] : '\0';
            bool ok;
            var width = 1;
            if ((c == '\r' && options.CrLfToLf) || char.IsHighSurrogate(c))
            {
                if (!hasNext && !isFinalBlock)
                {
                    carry = c; // decided by the next block's first character
                    si++;
                    break;
                }

                if (c == '\r')
                {
                    ok = next == '\n' ? WriteLineFeed(destination, ref di, options) : WriteEscaped(destination, ref di, c);
                    width = next == '\n' ? 2 : 1;
                }
                else if (char.IsLowSurrogate(next))
                {
                    ok = WritePair(destination, ref di, c, next);
                    width = 2;
                }
                else
                {
                    ok = WriteChar(destination, ref di, '\uFFFD');
                }
            }
            else if (char.IsLowSurrogate(c))
            {
                ok = WriteChar(destination, ref di, '\uFFFD');
            }
            else if (c < ' ' || c == '\u007F')
            {
                ok = WriteEscaped(destination, ref di, c);
            }
            else
            {
                ok = WriteEscaped(destination, ref di, c);
            }

            if (!ok)
                break;
            si += width;
        }

        consumed = si;
        written = di;
        return si == source.Length ? OperationStatus.Done : OperationStatus.DestinationTooSmall;
    }

    private static bool WriteLineFeed(Span<char> destination, ref int di, ControlEscaperOptions options) =>
        options.KeepLineFeed ? WriteChar(destination, ref di, '\n') : WriteEscaped(destination, ref di, '\n');

    private static bool WriteChar(Span<char> destination, ref int di, char c)
    {
        if (di >= destination.Length)
            return false;
        destination[di++] = c;
        return true;
    }

    private static bool WritePair(Span<char> destination, ref int di, char high, char low)
    {
        if (di + 2 > destination.Length)
            return false;
        destination[di++] = high;
        destination[di++] = low;
        return true;
    }

    private static bool WriteEscaped(Span<char> destination, ref int di, char c)
    {
        var n = ControlCharClassifier.WriteEscaped(c, destination[di..]);
        di += n;
        return n > 0;
    }
}
