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
