namespace NetTerm.Smtp.Replies;

/// <summary>One row of enhanced-status.tsv.</summary>
/// <param name="Code">As written in the registry: "2.XXX.YYY", "X.1.YYY", "X.1.1" or a class-specific "5.1.1".</param>
/// <param name="Kind">Whether the row is a class, a subject or a full code.</param>
/// <param name="Class">2, 4 or 5; null when the row holds for every class ("X").</param>
/// <param name="Subject">The subject; null for a class row.</param>
/// <param name="Detail">The detail; null for class and subject rows.</param>
/// <param name="Title">The registry's short title.</param>
/// <param name="Description">A one-line explanation for a person.</param>
/// <param name="Source">The defining document, e.g. "RFC 3463".</param>
internal sealed record EnhancedStatusEntry(
    string Code,
    EnhancedStatusEntryKind Kind,
    int? Class,
    int? Subject,
    int? Detail,
    string Title,
    string Description,
    string Source);
