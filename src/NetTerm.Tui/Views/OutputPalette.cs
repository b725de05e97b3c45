using NetTerm.Core.Terminal;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetTerm.Tui.Views;

/// <summary>How each kind of line looks. With NO_COLOR every line keeps the terminal's own colours and the kinds
/// differ by style only (bold, italic, underline), so they stay distinguishable without colour.</summary>
internal sealed class OutputPalette(bool noColor)
{
    public bool NoColor { get; } = noColor;

    public Attribute For(LineKind kind, Attribute normal)
    {
        if (NoColor)
        {
            var style = kind switch
            {
                LineKind.Sent => TextStyle.Bold,
                LineKind.System => TextStyle.Italic,
                LineKind.Error => TextStyle.Bold | TextStyle.Underline,
                LineKind.Warning => TextStyle.Underline,
                LineKind.Annotation => TextStyle.Italic | TextStyle.Faint,
                LineKind.Hidden => TextStyle.Bold | TextStyle.Faint,
                _ => TextStyle.None,
            };
            return new Attribute(Color.None, Color.None, style);
        }

        return kind switch
        {
            LineKind.Sent or LineKind.Hidden => new Attribute(new Color(ColorName16.BrightCyan), normal.Background, TextStyle.Bold),
            LineKind.System => new Attribute(new Color(ColorName16.BrightGreen), normal.Background),
            LineKind.Error => new Attribute(new Color(ColorName16.BrightRed), normal.Background, TextStyle.Bold),
            LineKind.Warning => new Attribute(new Color(ColorName16.Yellow), normal.Background),
            LineKind.Annotation => new Attribute(new Color(ColorName16.BrightMagenta), normal.Background, TextStyle.Italic),
            _ => normal,
        };
    }

    /// <summary>The mark that tells directions apart even without colour.</summary>
    public static string Mark(LineKind kind) => kind switch
    {
        LineKind.Sent or LineKind.Hidden => "> ",
        LineKind.System => "* ",
        LineKind.Error => "! ",
        LineKind.Warning => "! ",
        LineKind.Annotation => "  # ",
        _ => string.Empty,
    };

    public Attribute Selected(Attribute normal) =>
        NoColor ? new Attribute(Color.None, Color.None, TextStyle.Reverse) : new Attribute(normal.Background == Color.None ? new Color(ColorName16.Black) : normal.Background, new Color(ColorName16.Gray));
}
