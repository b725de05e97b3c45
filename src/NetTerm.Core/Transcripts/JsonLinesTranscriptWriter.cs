namespace NetTerm.Core.Transcripts;

/// <summary>
/// The transcript as JSON lines (`--log-format jsonl`): one object per transcript line, in the order the text
/// transcript would show them, with the same line splitting, control escaping and redaction (AUTH secrets and
/// lines typed while echo was off never appear); the fields are <see cref="JsonLinesFormat"/>'s. Buffering,
/// threading and failure rules are <see cref="TranscriptRecorder"/>'s.
/// </summary>
public sealed class JsonLinesTranscriptWriter : TranscriptRecorder
{
    /// <summary>ISO 8601 in UTC with milliseconds: sortable, and the same in every time zone.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public JsonLinesTranscriptWriter(Stream stream, TranscriptOptions? options = null, bool leaveOpen = false)
        : base(stream, options, leaveOpen, new JsonLinesFormat())
    {
    }

    /// <summary>Creates (or, with <see cref="TranscriptOptions.Append"/>, appends to) a JSON lines file.</summary>
    public static JsonLinesTranscriptWriter Open(string path, TranscriptOptions? options = null) =>
        OpenFile(path, options, (stream, o) => new JsonLinesTranscriptWriter(stream, o));
}
