using System.Buffers;

namespace NetTerm.Core.Terminal;

/// <summary>What <see cref="ControlEscaper"/> lets through unescaped. Everything else that can move the cursor,
/// change the terminal's state or hide text is always escaped.</summary>
public sealed record ControlEscaperOptions
{
    /// <summary>For a plain stdout: TAB and LF pass, CR LF prints as LF, a lone CR is escaped.</summary>
    public static ControlEscaperOptions Stdout { get; } = new();

    /// <summary>For one transcript line: no raw control character at all (TAB and LF are escaped too).</summary>
    public static ControlEscaperOptions Transcript { get; } = new() { KeepTab = false, KeepLineFeed = false, CrLfToLf = false };

    /// <summary>LF passes raw (true) or becomes <c>\x0a</c>.</summary>
    public bool KeepLineFeed { get; init; } = true;

    /// <summary>TAB passes raw (true) or becomes <c>\x09</c>.</summary>
    public bool KeepTab { get; init; } = true;

    /// <summary>A CR immediately followed by LF is one line break, rendered as the LF alone (subject to
    /// <see cref="KeepLineFeed"/>). A CR not followed by LF is always escaped as <c>\x0d</c>.</summary>
    public bool CrLfToLf { get; init; } = true;

    internal SearchValues<char> Special => EscapeTables.Special[(KeepTab ? 1 : 0) | (KeepLineFeed ? 2 : 0)];
}
