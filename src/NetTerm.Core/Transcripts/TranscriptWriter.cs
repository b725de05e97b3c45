namespace NetTerm.Core.Transcripts;

/// <summary>The human-readable transcript: one line per protocol line, each
/// <c>2026-11-28T13:17:36.123+00:00 &lt;-  text</c>, tagged after swaks (<see cref="TranscriptTags"/>), with every
/// control character escaped. Buffering, threading and failure rules are <see cref="TranscriptRecorder"/>'s.</summary>
public sealed class TranscriptWriter : TranscriptRecorder
{
    /// <summary>Starts a transcript on <paramref name="stream"/> and writes its header line.</summary>
    public TranscriptWriter(Stream stream, TranscriptOptions? options = null, bool leaveOpen = false)
        : base(stream, options, leaveOpen, new TextLineFormat())
    {
    }

    /// <summary>Creates (or, with <see cref="TranscriptOptions.Append"/>, appends to) a transcript file. Others
    /// may read the file while it is written.</summary>
    public static TranscriptWriter Open(string path, TranscriptOptions? options = null) =>
        OpenFile(path, options, (stream, o) => new TranscriptWriter(stream, o));
}
