namespace NetTerm.Core.Terminal;

/// <summary>Where <see cref="TerminalTextProcessor"/> is inside an escape sequence.</summary>
internal enum ParserState : byte
{
    Ground,
    Escape,
    EscapeIntermediate,
    Csi,

    /// <summary>Inside OSC, DCS, APC, PM or SOS: consumed up to its terminator, bounded.</summary>
    ControlString,

    /// <summary>ESC seen inside a control string: ST if a backslash follows.</summary>
    ControlStringEscape,
}
