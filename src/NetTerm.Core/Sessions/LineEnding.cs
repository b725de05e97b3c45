namespace NetTerm.Core.Sessions;

/// <summary>What terminates a line the user sends.</summary>
public enum LineEnding
{
    CrLf,
    Lf,
    Cr,
}
