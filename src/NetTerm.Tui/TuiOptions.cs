namespace NetTerm.Tui;

/// <summary>Placeholder so the project builds; replaced by the TUI's real options.</summary>
internal sealed record TuiOptions;
