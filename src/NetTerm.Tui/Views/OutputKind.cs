namespace NetTerm.Tui.Views;

/// <summary>What a line in the output pane is; decides its colour and mark.</summary>
internal enum OutputKind
{
    Received,
    Sent,
    System,
    Error,
    Warning,
    Annotation,
}

/// <summary>One line of the output pane. <see cref="Text"/> is already neutralised (no raw control characters).</summary>
internal sealed record OutputLine(string Text, OutputKind Kind, DateTimeOffset At);
