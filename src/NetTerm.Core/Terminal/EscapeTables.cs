using System.Buffers;

namespace NetTerm.Core.Terminal;

/// <summary>The characters <see cref="ControlEscaper"/> must look at, as vectorised search sets.</summary>
internal static class EscapeTables
{
    /// <summary>Indexed by (KeepTab ? 1 : 0) | (KeepLineFeed ? 2 : 0).</summary>
    internal static readonly SearchValues<char>[] Special =
    [
        Create(keepTab: false, keepLineFeed: false),
        Create(keepTab: true, keepLineFeed: false),
        Create(keepTab: false, keepLineFeed: true),
        Create(keepTab: true, keepLineFeed: true),
    ];

    /// <summary>The index of the first character of <paramref name="special"/> in <paramref name="text"/>, or -1.
    /// Printable ASCII is never special, so its end is found with the cheap range search first and the full set
    /// (controls, surrogates, invisible and bidi characters: a slower probabilistic search) is only used from the
    /// first other character on.</summary>
    internal static int IndexOfSpecial(ReadOnlySpan<char> text, SearchValues<char> special) =>
        FromFirstNonPrintable(text, text.IndexOfAnyExceptInRange(' ', '~'), special);

    /// <summary>The same for text that is all ASCII, given its bytes too (one byte per character): the range search
    /// then reads half the memory.</summary>
    internal static int IndexOfSpecial(ReadOnlySpan<byte> ascii, ReadOnlySpan<char> text, SearchValues<char> special) =>
        FromFirstNonPrintable(text, ascii.IndexOfAnyExceptInRange((byte)' ', (byte)'~'), special);

    private static int FromFirstNonPrintable(ReadOnlySpan<char> text, int index, SearchValues<char> special)
    {
        if (index < 0)
            return -1;
        // Usually it is special itself (CR, LF, ESC): a set search just to find it at once costs more than this.
        if (special.Contains(text[index]))
            return index;
        var found = text[(index + 1)..].IndexOfAny(special);
        return found < 0 ? -1 : index + 1 + found;
    }

    private static SearchValues<char> Create(bool keepTab, bool keepLineFeed)
    {
        var chars = new List<char>(2400);
        for (var c = '\0'; c <= '\u009F'; c++)
        {
            if (!ControlCharClassifier.IsControl(c) || (c == '\t' && keepTab) || (c == '\n' && keepLineFeed))
                continue;
            chars.Add(c);
        }

        for (var c = '\uD800'; c <= '\uDFFF'; c++)
            chars.Add(c); // surrogates: pairs pass, lone halves become U+FFFD
        for (var c = '\u00A0'; c < '\uFFFF'; c++)
        {
            if (ControlCharClassifier.IsInvisibleOrBidi(c))
                chars.Add(c);
        }

        return SearchValues.Create(chars.ToArray());
    }
}
