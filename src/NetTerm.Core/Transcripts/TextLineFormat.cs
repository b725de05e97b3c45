using System.Buffers;
using System.Globalization;
using System.Text;

namespace NetTerm.Core.Transcripts;

/// <summary>The text transcript line: <c>2026-11-28T13:17:36.123+00:00 &lt;-  text</c>, tagged after swaks
/// (<see cref="TranscriptTags"/>), with the continuation marker on a line cut at the cap.</summary>
internal sealed class TextLineFormat : ITranscriptLineFormat
{
    private static readonly byte[] ContinuationMarker = Encoding.UTF8.GetBytes(TranscriptTags.ContinuationMarker);

    private DateTimeOffset _stampTime;

    /// <summary>The UTF-8 timestamp and the space after it.</summary>
    private byte[]? _stamp;

    public string Header(string version, DateTimeOffset now) =>
        $"netterm transcript, version {version}, started {now.ToString(TranscriptTags.TimestampFormat, CultureInfo.InvariantCulture)}";

    public void Write(TranscriptLine line, IBufferWriter<byte> output)
    {
        // The lines of one received chunk share its timestamp: format it once. The offset is part of the text, so
        // an equal instant in another zone is a new stamp.
        var at = line.Timestamp;
        if (_stamp is null || at != _stampTime || at.Offset != _stampTime.Offset)
        {
            _stampTime = at;
            _stamp = Encoding.UTF8.GetBytes(at.ToString(TranscriptTags.TimestampFormat, CultureInfo.InvariantCulture) + " ");
        }

        // One span for the whole line: encoding straight into it is cheaper than a call per piece.
        var text = line.Text;
        var span = output.GetSpan(_stamp.Length + line.Tag.Length + 1 + Encoding.UTF8.GetMaxByteCount(text.Length)
            + ContinuationMarker.Length + 1);
        _stamp.CopyTo(span);
        var length = _stamp.Length;
        length += Encoding.UTF8.GetBytes(line.Tag, span[length..]);
        span[length++] = (byte)' ';
        length += Encoding.UTF8.GetBytes(text, span[length..]);
        if (line.Continued)
        {
            ContinuationMarker.CopyTo(span[length..]);
            length += ContinuationMarker.Length;
        }

        span[length++] = (byte)'\n';
        output.Advance(length);
    }
}
