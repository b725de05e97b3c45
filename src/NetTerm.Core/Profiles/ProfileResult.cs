namespace NetTerm.Core.Profiles;

/// <summary>How a profile judges the conversation when it ends; the headless runner turns it into an exit code.</summary>
/// <param name="Outcome">The verdict.</param>
/// <param name="Detail">One line for the user when the verdict is not <see cref="ProfileOutcome.Ok"/>.</param>
public sealed record ProfileResult(ProfileOutcome Outcome, string? Detail = null)
{
    public static ProfileResult Ok { get; } = new(ProfileOutcome.Ok);
}

public enum ProfileOutcome
{
    Ok,

    /// <summary>The server answered a command with an unexpected 4xx or 5xx.</summary>
    Rejected,

    /// <summary>The server broke the protocol (malformed or mismatched replies).</summary>
    ProtocolViolation,

    /// <summary>The conversation did not reach its proper end (no 221 to QUIT).</summary>
    Incomplete,
}
