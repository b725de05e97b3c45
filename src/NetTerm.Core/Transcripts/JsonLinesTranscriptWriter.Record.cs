using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetTerm.Core.Transcripts;

public sealed partial class JsonLinesTranscriptWriter
{
    /// <summary>ISO 8601 in UTC with milliseconds: sortable, and the same in every time zone.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // The relaxed encoder still escapes quotes, backslashes and controls; it leaves '+', '<' and non-ASCII text
    // readable, which only matters for embedding in HTML, where a transcript never goes unescaped.
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private Utf8JsonWriter? _json;

    // Caller holds the lock. Utf8JsonWriter escapes what JSON requires; the text is already control-escaped by
    // the assembler, so a record never holds a raw control character either way.
    private void EmitRecord(DateTimeOffset timestamp, string tag, ReadOnlySpan<char> text, bool continued)
    {
        _buffer.ResetWrittenCount();
        if (_json is null)
            _json = new Utf8JsonWriter(_buffer, JsonOptions);
        else
            _json.Reset(_buffer);
        var json = _json;
        var (kind, tls) = tag switch
        {
            TranscriptTags.Received => ("recv", false),
            TranscriptTags.ReceivedTls => ("recv", true),
            TranscriptTags.Sent => ("sent", false),
            TranscriptTags.SentTls => ("sent", true),
            TranscriptTags.Error => ("error", _tls),
            _ => ("info", _tls),
        };
        json.WriteStartObject();
        json.WriteString("time", timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture));
        json.WriteString("kind", kind);
        json.WriteBoolean("tls", tls);
        json.WriteString("text", text);
        if (continued)
            json.WriteBoolean("continued", true);
        if (kind == "sent" && _hidden)
            json.WriteBoolean("hidden", true);
        if (kind == "recv" && ReplyShape.TryParse(text, out var code, out var last, out var enhanced))
        {
            json.WriteNumber("code", code);
            json.WriteBoolean("last", last);
            if (enhanced is not null)
                json.WriteString("enhanced", enhanced);
        }

        json.WriteEndObject();
        json.Flush();
        _buffer.Write("\n"u8);
        _stream.Write(_buffer.WrittenSpan);
        _stream.Flush();
    }
}
