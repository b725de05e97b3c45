namespace NetTerm.Core.Profiles;

/// <summary>One Tab candidate: the text that replaces [<see cref="ReplaceStart"/>, caret) and what it means.</summary>
public sealed record Completion(string Text, int ReplaceStart, string? Description = null);
