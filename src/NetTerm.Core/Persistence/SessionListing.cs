namespace NetTerm.Core.Persistence;

/// <summary>One entry of <see cref="SessionStore.List"/>: a session, or why its file could not be read.</summary>
/// <param name="Name">From the file name, so a broken file still has a name to show, fix or delete.</param>
/// <param name="Session">Null when <paramref name="Error"/> is set.</param>
/// <param name="Error">One line naming the file and the problem.</param>
public sealed record SessionListing(string Name, SavedSession? Session, string? Error);
