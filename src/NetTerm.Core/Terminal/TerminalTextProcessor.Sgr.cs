namespace NetTerm.Core.Terminal;

/// <summary>SGR (CSI … m): colours and attributes for the text that follows.</summary>
public sealed partial class TerminalTextProcessor
{
    private void ApplySgr(ReadOnlySpan<int> values, ReadOnlySpan<bool> subParameter)
    {
        if (values.IsEmpty)
        {
            _style = default;
            return;
        }

        var i = 0;
        while (i < values.Length)
        {
            // A group is a parameter and the colon sub-parameters after it (38:2::r:g:b).
            var end = i + 1;
            while (end < values.Length && subParameter[end])
                end++;
            var group = values[i..end];
            var code = Math.Max(group[0], 0);
            i = end;
            switch (code)
            {
                case 0: _style = default; break;
                case 1: SetFlag(StyleFlags.Bold, true); break;
                case 2: SetFlag(StyleFlags.Dim, true); break;
                case 3: SetFlag(StyleFlags.Italic, true); break;
                case 4: SetFlag(StyleFlags.Underline, group.Length < 2 || group[1] != 0); break; // 4:0 = none
                case 5 or 6: SetFlag(StyleFlags.Blink, true); break;
                case 7: SetFlag(StyleFlags.Inverse, true); break;
                case 9: SetFlag(StyleFlags.Strikethrough, true); break;
                case 21: SetFlag(StyleFlags.Underline, true); break; // double underline
                case 22: SetFlag(StyleFlags.Bold | StyleFlags.Dim, false); break;
                case 23: SetFlag(StyleFlags.Italic, false); break;
                case 24: SetFlag(StyleFlags.Underline, false); break;
                case 25: SetFlag(StyleFlags.Blink, false); break;
                case 27: SetFlag(StyleFlags.Inverse, false); break;
                case 29: SetFlag(StyleFlags.Strikethrough, false); break;
                case >= 30 and <= 37: _style = _style with { Foreground = TermColor.FromAnsi(code - 30) }; break;
                case 39: _style = _style with { Foreground = TermColor.Default }; break;
                case >= 40 and <= 47: _style = _style with { Background = TermColor.FromAnsi(code - 40) }; break;
                case 49: _style = _style with { Background = TermColor.Default }; break;
                case >= 90 and <= 97: _style = _style with { Foreground = TermColor.FromAnsi(code - 90 + 8) }; break;
                case >= 100 and <= 107: _style = _style with { Background = TermColor.FromAnsi(code - 100 + 8) }; break;
                case 38 or 48 or 58:
                    TermColor? color;
                    if (group.Length > 1)
                    {
                        color = ExtendedColor(group[1..], colonForm: true);
                    }
                    else
                    {
                        // Semicolon form: the colour's parameters are the next top-level parameters.
                        var used = ExtendedColorLength(values[i..], subParameter[i..]);
                        color = ExtendedColor(values.Slice(i, used), colonForm: false);
                        i += used;
                    }

                    if (color is { } c && code == 38)
                        _style = _style with { Foreground = c };
                    else if (color is { } b && code == 48)
                        _style = _style with { Background = b };
                    break; // 58 (underline colour) is parsed so its parameters are skipped, and ignored
                default:
                    // 8 (conceal) is ignored on purpose: the peer must not be able to hide text. Fonts, frames,
                    // overline and the rest have no equivalent here.
                    break;
            }
        }
    }

    private void SetFlag(StyleFlags flag, bool on) =>
        _style = _style with { Flags = on ? _style.Flags | flag : _style.Flags & ~flag };

    /// <summary>How many of the following top-level parameters belong to a semicolon-form colour (5;n or 2;r;g;b).</summary>
    private static int ExtendedColorLength(ReadOnlySpan<int> rest, ReadOnlySpan<bool> subParameter)
    {
        if (rest.IsEmpty)
            return 0;
        var wanted = rest[0] switch { 5 => 2, 2 => 4, _ => 1 };
        var n = Math.Min(wanted, rest.Length);
        for (var k = 1; k < n; k++)
        {
            if (subParameter[k])
                return k;
        }

        return n;
    }

    /// <summary>5;n or 2;r;g;b (the colon form may carry a colour-space id: 2:cs:r:g:b). Null when malformed or out
    /// of range, in which case the colour is left as it was.</summary>
    private static TermColor? ExtendedColor(ReadOnlySpan<int> p, bool colonForm)
    {
        if (p.IsEmpty)
            return null;
        if (p[0] == 5 && p.Length >= 2 && p[1] is >= 0 and <= 255)
            return TermColor.FromPalette((byte)p[1]);
        if (p[0] != 2)
            return null;
        var rgb = colonForm && p.Length >= 5 ? p.Slice(2, 3) : p.Length >= 4 ? p.Slice(1, 3) : [];
        if (rgb.Length != 3)
            return null;
        foreach (var v in rgb)
        {
            if (v > 255)
                return null;
        }

        return TermColor.FromRgb((byte)Math.Max(rgb[0], 0), (byte)Math.Max(rgb[1], 0), (byte)Math.Max(rgb[2], 0));
    }
}
