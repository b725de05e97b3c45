namespace NetTerm.Core.Transcripts;

/// <summary>Masks secrets in lines the user sends before they reach a transcript (for example SMTP AUTH
/// credentials). Called once per sent line, in order, under the transcript's lock, so it may keep state
/// (such as "the next line is the AUTH LOGIN password").</summary>
public interface ISecretRedactor
{
    /// <summary>The text to log instead of <paramref name="line"/>, or null when the line holds no secret.</summary>
    string? RedactSent(string line);
}
