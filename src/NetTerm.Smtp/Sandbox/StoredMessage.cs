namespace NetTerm.Smtp.Sandbox;

/// <summary>A message the sandbox accepted and wrote to its store.</summary>
/// <param name="User">The authenticated user, or null for an unauthenticated (local-only) delivery.</param>
internal sealed record StoredMessage(
    DateTimeOffset Received,
    string Path,
    string From,
    IReadOnlyList<string> Recipients,
    long Size,
    string? User,
    bool Tls);
