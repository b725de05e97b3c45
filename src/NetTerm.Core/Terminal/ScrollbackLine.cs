namespace NetTerm.Core.Terminal;

/// <summary>One scrollback line, materialised on demand by <see cref="Scrollback.GetLine"/>. <see cref="Runs"/>
/// are sorted, do not overlap, and never use the default style (that is the absence of a run).</summary>
public readonly record struct ScrollbackLine(LineKind Kind, string Text, IReadOnlyList<StyleRun> Runs, DateTimeOffset Timestamp);
