namespace NetTerm.Smtp.Profile;

/// <summary>A line waiting for its turn on the wire. <see cref="Shown"/> is its masked form when it carries a
/// credential. <see cref="Sequence"/> orders lines so a refused DATA can drop exactly the message queued behind it.</summary>
internal sealed record PendingLine(string Line, string? Shown, long Sequence)
{
    public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
