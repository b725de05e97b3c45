using System.Text;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Dialogs;

/// <summary>A label for text that is data (a certificate subject, a cipher name, a banner), not a caption: an
/// underscore is shown, not taken as the hot-key marker ("TLS_AES_256" lost its first '_' and underlined the A).</summary>
internal static class DataLabel
{
    /// <summary>A code point that never occurs in text, so no character becomes a hot key.</summary>
    private static readonly Rune NoHotKey = new(0xFFFF);

    public static Label Create() => new() { HotKeySpecifier = NoHotKey };
}
