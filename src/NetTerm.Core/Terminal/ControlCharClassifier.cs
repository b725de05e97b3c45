namespace NetTerm.Core.Terminal;

/// <summary>
/// The one definition of "dangerous" characters, shared by <see cref="ControlEscaper"/> (stdout, transcripts) and
/// <see cref="TerminalTextProcessor"/> (the scrollback), so a character that is escaped in one place can never
/// reach the screen raw through the other. Also the one spelling of an escaped character.
/// </summary>
internal static class ControlCharClassifier
{
    /// <summary>The longest spelling <see cref="WriteEscaped"/> produces (<c>\uHHHH</c>).</summary>
    internal const int MaxEscapedLength = 6;

    private const string Hex = "0123456789abcdef";

    /// <summary>C0 controls and DEL: spelled <c>\xHH</c>.</summary>
    internal static bool IsC0OrDelete(char c) => c < ' ' || c == '\u007F';

    /// <summary>C1 controls (U+0080-U+009F), including U+009B, the single-character CSI.</summary>
    internal static bool IsC1(char c) => c is >= '\u0080' and <= '\u009F';

    /// <summary>Any control character, C0, DEL or C1.</summary>
    internal static bool IsControl(char c) => IsC0OrDelete(c) || IsC1(c);

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

    /// <summary>True for every character that must never be shown raw (surrogates are handled separately:
    /// a pair is fine, a lone half becomes U+FFFD).</summary>
    internal static bool MustEscape(char c) => IsControl(c) || IsInvisibleOrBidi(c);

    /// <summary>Writes <c>\xHH</c> (C0, DEL) or <c>\uHHHH</c> (anything else). Returns the number of characters
    /// written, or 0 when <paramref name="destination"/> is too small (nothing is written then).</summary>
    internal static int WriteEscaped(char c, Span<char> destination)
    {
        if (IsC0OrDelete(c))
        {
            if (destination.Length < 4)
                return 0;
            destination[0] = '\\';
            destination[1] = 'x';
            destination[2] = Hex[(c >> 4) & 0xF];
            destination[3] = Hex[c & 0xF];
            return 4;
        }

        if (destination.Length < 6)
            return 0;
        destination[0] = '\\';
        destination[1] = 'u';
        destination[2] = Hex[(c >> 12) & 0xF];
        destination[3] = Hex[(c >> 8) & 0xF];
        destination[4] = Hex[(c >> 4) & 0xF];
        destination[5] = Hex[c & 0xF];
        return 6;
    }
}
