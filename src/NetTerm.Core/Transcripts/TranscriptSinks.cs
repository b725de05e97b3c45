namespace NetTerm.Core.Transcripts;

/// <summary>Opens a transcript file in the requested format, so front ends pick a format without knowing the
/// writer types.</summary>
public static class TranscriptSinks
{
    /// <summary>Creates (or, with <see cref="TranscriptOptions.Append"/>, appends to) the transcript file.</summary>
    public static ITranscriptSink Open(string path, TranscriptFormat format, TranscriptOptions? options = null) => format switch
    {
        TranscriptFormat.JsonLines => JsonLinesTranscriptWriter.Open(path, options),
        _ => TranscriptWriter.Open(path, options),
    };

    /// <summary>"text" or "jsonl", as `--log-format` and saved sessions spell it; null when unknown.</summary>
    public static TranscriptFormat? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        null or "" or "text" => TranscriptFormat.Text,
        "jsonl" => TranscriptFormat.JsonLines,
        _ => null,
    };

    public static string Name(TranscriptFormat format) => format == TranscriptFormat.JsonLines ? "jsonl" : "text";
}
