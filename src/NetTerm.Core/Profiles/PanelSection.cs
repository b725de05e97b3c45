namespace NetTerm.Core.Profiles;

/// <summary>A titled group of rows in the side panel (Capabilities, State, Certificate).</summary>
public sealed record PanelSection(string Title, IReadOnlyList<PanelRow> Rows);

/// <summary>One row: a label, a value and an optional explanation shown when the row is selected.</summary>
public sealed record PanelRow(string Label, string Value, string? Detail = null, Severity Severity = Severity.Normal);
