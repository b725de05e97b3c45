using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetTerm.Tui.Views;

/// <summary>How each kind of line looks. With NO_COLOR every line keeps the terminal's own colours and the kinds
/// differ by style only (bold, italic, underline), so they stay distinguishable without colour.</summary>
internal sealed class OutputPalette(bool noColor)
{
    public bool NoColor { get; } = noColor;

    public Attribute For(OutputKind kind, Attribute normal)
    {
        if (NoColor)
        {
            var style = kind switch
            {
                OutputKind.Sent => TextStyle.Bold,
                OutputKind.System => TextStyle.Italic,
                OutputKind.Error => TextStyle.Bold | TextStyle.Underline,
                OutputKind.Warning => TextStyle.Underline,
                OutputKind.Annotation => TextStyle.Italic | TextStyle.Faint,
                _ => TextStyle.None,
            };
            return new Attribute(Color.None, Color.None, style);
        }

        return kind switch
        {
            OutputKind.Sent => new Attribute(new Color(ColorName16.BrightCyan), normal.Background, TextStyle.Bold),
            OutputKind.System => new Attribute(new Color(ColorName16.BrightGreen), normal.Background),
            OutputKind.Error => new Attribute(new Color(ColorName16.BrightRed), normal.Background, TextStyle.Bold),
            OutputKind.Warning => new Attribute(new Color(ColorName16.Yellow), normal.Background),
            OutputKind.Annotation => new Attribute(new Color(ColorName16.BrightMagenta), normal.Background, TextStyle.Italic),
            _ => normal,
        };
    }

    /// <summary>The mark that tells directions apart even without colour.</summary>
    public static string Mark(OutputKind kind) => kind switch
    {
        OutputKind.Sent => "> ",
        OutputKind.System => "* ",
        OutputKind.Error => "! ",
        OutputKind.Warning => "! ",
        OutputKind.Annotation => "  # ",
        _ => string.Empty,
    };

    public Attribute Selected(Attribute normal) =>
        NoColor ? new Attribute(Color.None, Color.None, TextStyle.Reverse) : new Attribute(normal.Background == Color.None ? new Color(ColorName16.Black) : normal.Background, new Color(ColorName16.Gray));
}
