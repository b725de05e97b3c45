using System.Buffers;

namespace NetTerm.Core.Transcripts;

/// <summary>How a <see cref="TranscriptRecorder"/> lays out its lines in the file. Called under the recorder's
/// lock, so an implementation may keep state (caches, a reused JSON writer).</summary>
internal interface ITranscriptLineFormat
{
    /// <summary>The text of the first info line.</summary>
    string Header(string version, DateTimeOffset now);

    /// <summary>Appends <paramref name="line"/>, UTF-8 and ending with a line feed, to <paramref name="output"/>.</summary>
    void Write(TranscriptLine line, IBufferWriter<byte> output);
}
