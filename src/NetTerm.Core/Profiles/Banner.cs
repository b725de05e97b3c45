namespace NetTerm.Core.Profiles;

/// <summary>A persistent warning ("NOT ENCRYPTED — STARTTLS not offered (possible stripping)").</summary>
public sealed record Banner(string Text, Severity Severity = Severity.Warning);
