namespace NetTerm.Core.Profiles;

/// <summary>A yes/no question before a line is sent. <see cref="Refusal"/> is what headless mode prints instead of
/// asking, since nobody can answer there.</summary>
public sealed record Confirmation(string Title, string Message, string Refusal, string YesLabel = "_Yes", string NoLabel = "_No")
{
    /// <summary>What follows a Yes (a form, another question); null sends the line that was reviewed.</summary>
    public Func<SubmitReview>? OnYes { get; init; }
}
