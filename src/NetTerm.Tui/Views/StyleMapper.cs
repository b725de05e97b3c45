using NetTerm.Core.Terminal;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetTerm.Tui.Views;

/// <summary>
/// Maps the scrollback's SGR styles to Terminal.Gui attributes. 16-colour indexes are in ANSI order and TG's
/// ColorName16 is in Windows-console order, hence the table. 256-colour and truecolour become RGB; TG falls back to
/// the nearest of 16 when the terminal cannot do more (Force16Colors). With NO_COLOR only the text style is kept.
/// </summary>
internal static class StyleMapper
{
    private static readonly ColorName16[] _ansi =
    [
        ColorName16.Black, ColorName16.Red, ColorName16.Green, ColorName16.Yellow,
        ColorName16.Blue, ColorName16.Magenta, ColorName16.Cyan, ColorName16.Gray,
        ColorName16.DarkGray, ColorName16.BrightRed, ColorName16.BrightGreen, ColorName16.BrightYellow,
        ColorName16.BrightBlue, ColorName16.BrightMagenta, ColorName16.BrightCyan, ColorName16.White,
    ];

    public static Attribute Map(CellStyle style, Attribute line, bool noColor)
    {
        var flags = Flags(style.Flags);
        if (noColor)
        {
            return new Attribute(Color.None, Color.None, line.Style | flags);
        }

        var fg = ToColor(style.Foreground) ?? line.Foreground;
        var bg = ToColor(style.Background) ?? line.Background;
        return new Attribute(fg, bg, line.Style | flags);
    }

    /// <summary>The TG colour for a scrollback colour; null for the line's default.</summary>
    public static Color? ToColor(TermColor color) => color.Kind switch
    {
        TermColorKind.Ansi16 => new Color(_ansi[color.Index & 15]),
        TermColorKind.Palette256 => Palette(color.Index),
        TermColorKind.Rgb => new Color(color.R, color.G, color.B),
        _ => null,
    };

    private static Color Palette(int index)
    {
        if (index < 16)
        {
            return new Color(_ansi[index]);
        }

        if (index < 232)
        {
            var i = index - 16;
            return new Color(Level(i / 36), Level(i / 6 % 6), Level(i % 6));
        }

        var gray = 8 + (10 * (index - 232));
        return new Color(gray, gray, gray);
    }

    // The xterm 6x6x6 cube levels: 0, 95, 135, 175, 215, 255.
    private static int Level(int v) => v == 0 ? 0 : 55 + (v * 40);

    private static TextStyle Flags(StyleFlags flags)
    {
        var style = TextStyle.None;
        if (flags.HasFlag(StyleFlags.Bold))
        {
            style |= TextStyle.Bold;
        }

        if (flags.HasFlag(StyleFlags.Dim))
        {
            style |= TextStyle.Faint;
        }

        if (flags.HasFlag(StyleFlags.Italic))
        {
            style |= TextStyle.Italic;
        }

        if (flags.HasFlag(StyleFlags.Underline))
        {
            style |= TextStyle.Underline;
        }

        if (flags.HasFlag(StyleFlags.Blink))
        {
            style |= TextStyle.Blink;
        }

        if (flags.HasFlag(StyleFlags.Inverse))
        {
            style |= TextStyle.Reverse;
        }

        if (flags.HasFlag(StyleFlags.Strikethrough))
        {
            style |= TextStyle.Strikethrough;
        }

        return style;
    }
}
