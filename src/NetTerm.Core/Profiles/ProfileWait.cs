namespace NetTerm.Core.Profiles;

/// <summary>The profile is waiting for the server: what for, and since when (the front end shows it and offers to
/// stop waiting).</summary>
public sealed record ProfileWait(string What, DateTimeOffset Since);
