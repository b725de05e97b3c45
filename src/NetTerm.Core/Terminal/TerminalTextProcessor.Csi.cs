namespace NetTerm.Core.Terminal;

/// <summary>What a complete CSI sequence does here: SGR and line editing are applied, harmless mode switches are
/// dropped, and everything else (false) is shown neutralised. No query is ever answered.</summary>
public sealed partial class TerminalTextProcessor
{
    /// <summary>Numbers are saturated here; nothing we apply needs more, and it keeps parsing overflow-free.</summary>
    private const int MaxParameter = 65_535;

    private const int MaxParameters = MaxSequenceLength / 2 + 1;

    private bool DispatchCsi(char final)
    {
        var seq = _seq.AsSpan(0, _seqLength);
        var intermediates = 0;
        while (intermediates < seq.Length && seq[^(intermediates + 1)] is >= ' ' and <= '/')
            intermediates++;
        var body = seq[..^intermediates];
        if (body.Length > 0 && body[1..].IndexOfAny("<=>?") >= 0)
            return false; // a marker anywhere but first: malformed
        var marker = body.Length > 0 && body[0] is '<' or '=' or '>' or '?' ? body[0] : '\0';
        var parameters = marker == '\0' ? body : body[1..];

        if (intermediates > 0)
        {
            // CSI Ps SP q sets the cursor shape (vim, fish): no visible effect in a line view.
            return marker == '\0' && final == 'q' && seq[^1] == ' ' && intermediates == 1;
        }

        Span<int> values = stackalloc int[MaxParameters];
        Span<bool> subParameter = stackalloc bool[MaxParameters];
        var count = ParseParameters(parameters, values, subParameter);
        if (count < 0)
            return false;

        switch (marker)
        {
            case '\0':
                return DispatchPlain(final, values[..count], subParameter[..count]);
            case '?':
                return final is 'h' or 'l' && count > 0 && AllHarmlessPrivateModes(values[..count]);
            case '=':
                // Mode sets in the '=' family (and the kitty keyboard protocol's CSI = flags u) change no display.
                return final is 'h' or 'l' or 'u';
            case '>':
                // xterm modifyOtherKeys (CSI > 4;1 m) and kitty keyboard push (CSI > 1 u): input-side only.
                return final is 'm' or 'u';
            default: // '<'
                return final == 'u'; // kitty keyboard pop
        }
    }

    private bool DispatchPlain(char final, ReadOnlySpan<int> values, ReadOnlySpan<bool> subParameter)
    {
        if (final == 'm')
        {
            ApplySgr(values, subParameter);
            return true;
        }

        // The editing sequences take at most one plain number.
        if (values.Length > 1 || subParameter.Contains(true))
            return false;
        var value = values.Length == 0 ? 0 : values[0];
        switch (final)
        {
            case 'K' when value <= 2:
                EraseInLine(value);
                return true;
            case 'C':
                MoveCursor(Math.Max(1, value));
                return true;
            case 'D':
                MoveCursor(-Math.Max(1, value));
                return true;
            default:
                return false;
        }
    }

    /// <summary>DEC private modes that only affect input or the cursor, never what text is shown: cursor keys (1),
    /// autowrap (7), cursor blink (12) and visibility (25), mouse reporting (1000-1006, 1015; never honoured, so
    /// nothing is reported), focus events (1004), bracketed paste (2004), synchronised output (2026). The alternate
    /// screen (47, 1047, 1049) and the like are shown, because they say a full-screen program has started.</summary>
    private static bool AllHarmlessPrivateModes(ReadOnlySpan<int> modes)
    {
        foreach (var mode in modes)
        {
            if (mode is not (1 or 7 or 12 or 25 or (>= 1000 and <= 1006) or 1015 or 2004 or 2026))
                return false;
        }

        return true;
    }

    /// <summary>Parses <c>1;38:2::10:20:30</c> into values (empty = -1 so a default can be told apart), marking
    /// those that follow a colon. Returns the count, or -1 for characters that are not digits or separators.</summary>
    private static int ParseParameters(ReadOnlySpan<char> text, Span<int> values, Span<bool> subParameter)
    {
        if (text.IsEmpty)
            return 0;
        var count = 0;
        var value = -1;
        var isSub = false;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                value = Math.Min(MaxParameter, (Math.Max(value, 0) * 10) + (c - '0'));
                continue;
            }

            if (c is not (';' or ':') || count == values.Length - 1)
                return -1;
            values[count] = value;
            subParameter[count++] = isSub;
            isSub = c == ':';
            value = -1;
        }

        values[count] = value;
        subParameter[count++] = isSub;
        return count;
    }
}
