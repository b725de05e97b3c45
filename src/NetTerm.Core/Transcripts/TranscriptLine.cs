namespace NetTerm.Core.Transcripts;

/// <summary>One transcript line as the recorder emits it. <see cref="Text"/> is already escaped (no raw control
/// characters) and redacted; <see cref="Continued"/> when it was cut at the length cap.</summary>
internal readonly ref struct TranscriptLine(
    DateTimeOffset timestamp, string tag, ReadOnlySpan<char> text, bool continued, bool hidden, bool sessionTls)
{
    public DateTimeOffset Timestamp { get; } = timestamp;

    /// <summary>One of <see cref="TranscriptTags"/>.</summary>
    public string Tag { get; } = tag;

    public ReadOnlySpan<char> Text { get; } = text;

    public bool Continued { get; } = continued;

    /// <summary>A sent line that stands for one typed while echo was off (its text is only the length).</summary>
    public bool Hidden { get; } = hidden;

    /// <summary>The session was under TLS when the line was written (meaningful for info and error lines).</summary>
    public bool SessionTls { get; } = sessionTls;
}
