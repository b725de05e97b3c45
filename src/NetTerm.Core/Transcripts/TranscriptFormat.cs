namespace NetTerm.Core.Transcripts;

/// <summary>How a transcript file is written (`--log-format`).</summary>
public enum TranscriptFormat
{
    /// <summary>Human-readable lines after swaks's legend (<see cref="TranscriptWriter"/>).</summary>
    Text,

    /// <summary>One JSON object per line (<see cref="JsonLinesTranscriptWriter"/>).</summary>
    JsonLines,
}
