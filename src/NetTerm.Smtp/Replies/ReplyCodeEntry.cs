namespace NetTerm.Smtp.Replies;

/// <summary>One row of reply-codes.tsv.</summary>
/// <param name="Code">The three-digit reply code.</param>
/// <param name="Meaning">The RFC's short text for it.</param>
/// <param name="Explanation">What it means for a person testing a server.</param>
/// <param name="Source">The RFC that defines this meaning, e.g. "RFC 4954".</param>
internal sealed record ReplyCodeEntry(int Code, string Meaning, string Explanation, string Source);
