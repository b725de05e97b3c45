namespace NetTerm.Core.Profiles;

/// <summary>A menu entry a profile offers (STARTTLS, AUTH…, Compose…). Running it may send lines, open a form, or
/// both; the returned review is handled like one for a typed line.</summary>
public sealed record ProfileAction(string Title, string Help, Func<SubmitReview> Run, bool Enabled = true);
