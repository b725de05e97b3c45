namespace NetTerm.Core.Terminal;

/// <summary><paramref name="Length"/> characters of a line's text, from <paramref name="Start"/> (UTF-16 indices
/// into the line's text), drawn in <paramref name="Style"/>. Text outside every run uses the default style.</summary>
public readonly record struct StyleRun(int Start, int Length, CellStyle Style)
{
    public int End => Start + Length;
}
