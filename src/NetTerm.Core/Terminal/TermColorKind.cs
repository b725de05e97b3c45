namespace NetTerm.Core.Terminal;

/// <summary>How a <see cref="TermColor"/> is specified.</summary>
public enum TermColorKind : byte
{
    /// <summary>The terminal's (or view's) default colour (SGR 39 / 49).</summary>
    Default,

    /// <summary>One of the 16 ANSI colours, in ANSI order (0 black, 1 red, …, 7 white, 8-15 bright).</summary>
    Ansi16,

    /// <summary>An index into the xterm 256-colour palette (SGR 38;5;n).</summary>
    Palette256,

    /// <summary>24-bit colour (SGR 38;2;r;g;b).</summary>
    Rgb,
}
