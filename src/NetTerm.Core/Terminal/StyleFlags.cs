using System.Diagnostics.CodeAnalysis;

namespace NetTerm.Core.Terminal;

/// <summary>SGR text attributes. Concealed (SGR 8) is deliberately absent: the peer must not be able to hide text.</summary>
[Flags]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "The name mirrors SGR terminology and the view-state API the TUI was specified against.")]
public enum StyleFlags : byte
{
    None = 0,
    Bold = 1,
    Dim = 2,
    Italic = 4,
    Underline = 8,
    Blink = 16,
    Inverse = 32,
    Strikethrough = 64,
}
