namespace NetTerm.Core.Terminal;

/// <summary>The look of a run of text: 12 bytes, compared by value. <c>default</c> is the view's default look.</summary>
public readonly record struct CellStyle(TermColor Foreground, TermColor Background, StyleFlags Flags)
{
    public static CellStyle Default => default;

    /// <summary>How neutralised escape sequences and control characters are shown, so they stand out from the
    /// peer's own text.</summary>
    public static CellStyle Escaped { get; } = new(TermColor.Default, TermColor.Default, StyleFlags.Dim | StyleFlags.Inverse);

    public bool IsDefault => this == default;
}
