namespace NetTerm.Core.Profiles;

/// <summary>How a front end should colour a row, banner or annotation.</summary>
public enum Severity
{
    Normal,
    Positive,
    Intermediate,
    Transient,
    Error,
    Warning,
}
