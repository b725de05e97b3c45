namespace NetTerm.Smtp.Send;

/// <summary>One server reply as the report records it: code, enhanced code, text lines (escaped), and its
/// explanation when it was not a success.</summary>
public sealed record SendReply(int Code, string? Enhanced, IReadOnlyList<string> Lines, string? Annotation);
