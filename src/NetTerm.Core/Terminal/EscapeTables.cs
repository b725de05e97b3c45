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

    /// <summary>Non-control characters that are escaped as <c>\uXXXX</c> because they are invisible or reorder
    /// text, so a line on screen (or in a transcript viewer) could differ from what the peer actually sent.</summary>
    internal static bool IsInvisibleOrBidi(char c) => c switch
    {
        // Soft hyphen: invisible except at a line break, and terminals disagree on its width (0 or 1 column),
        // which misaligns everything after it. In protocol text it is never wanted, so show it.
        '\u00AD' => true,
        '\u061C' => true,                       // Arabic letter mark (bidi)
        >= '\u200B' and <= '\u200F' => true,    // zero-width space/non-joiner/joiner, LRM, RLM
        // Line and paragraph separators: editors and some viewers break the line there, which would let a
        // peer forge what looks like a separate transcript line.
        '\u2028' or '\u2029' => true,
        >= '\u202A' and <= '\u202E' => true,    // bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO)
        // Word joiner, invisible operators, bidi isolates (LRI, RLI, FSI, PDI) and the deprecated
        // format controls 206A-206F (symmetric swapping, shaping): all invisible.
        >= '\u2060' and <= '\u206F' => true,
        '\uFEFF' => true,                       // zero-width no-break space / BOM
        _ => false,
    };

    private static SearchValues<char> Create(bool keepTab, bool keepLineFeed)
    {
        var chars = new List<char>(2400);
        for (var c = '\0'; c < ' '; c++)
        {
            if ((c == '\t' && keepTab) || (c == '\n' && keepLineFeed))
                continue;
            chars.Add(c);
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
            chars.Add(c);
        for (var c = '\uD800'; c <= '\uDFFF'; c++)
            chars.Add(c); // surrogates: pairs pass, lone halves become U+FFFD
        for (var c = '\u00A0'; c < '\uFFFF'; c++)
        {
            if (IsInvisibleOrBidi(c))
                chars.Add(c);
        }

        return SearchValues.Create(chars.ToArray());
    }
}
