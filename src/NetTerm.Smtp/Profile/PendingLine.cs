namespace NetTerm.Smtp.Profile;

/// <summary>A line waiting for its turn on the wire. <see cref="Shown"/> is its masked form when it carries a
/// credential. <see cref="Sequence"/> orders lines so a refused DATA can drop exactly the message queued behind it.
/// <see cref="Content"/> marks a line of a composed message: it is always message text (a lone "." in it is stuffed
/// like any other leading dot, never taken for the end of data) and never goes out as a command.</summary>
internal sealed record PendingLine(string Line, string? Shown, long Sequence, bool Content = false)
{
    public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The lone "." that ends the message the user typed or composed.</summary>
    public bool IsTerminator => !Content && Line == ".";
}
