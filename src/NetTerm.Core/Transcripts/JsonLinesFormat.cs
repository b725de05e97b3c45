using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetTerm.Core.Transcripts;

/// <summary>The JSON lines record: <c>time</c> (UTC, ms), <c>kind</c> (recv, sent, info, error), <c>tls</c>,
/// <c>text</c>, and when true <c>continued</c> and <c>hidden</c>; a received line shaped like a reply adds
/// <c>code</c>, <c>last</c> and, if present, <c>enhanced</c>.</summary>
internal sealed class JsonLinesFormat : ITranscriptLineFormat, IDisposable
{
    // The relaxed encoder still escapes quotes, backslashes and controls; it leaves '+', '<' and non-ASCII text
    // readable, which only matters for embedding in HTML, where a transcript never goes unescaped.
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private Utf8JsonWriter? _json;
    private DateTimeOffset _stampTime;
    private string? _stamp;

    public string Header(string version, DateTimeOffset now) => $"netterm transcript, version {version}, format jsonl";

    // Utf8JsonWriter escapes what JSON requires; the text is already control-escaped by the assembler, so a record
    // never holds a raw control character either way.
    public void Write(TranscriptLine line, IBufferWriter<byte> output)
    {
        if (_json is null)
            _json = new Utf8JsonWriter(output, JsonOptions);
        else
            _json.Reset(output);
        var json = _json;
        // DateTimeOffset equality is equality of instants, which is all a UTC stamp shows.
        if (_stamp is null || line.Timestamp != _stampTime)
        {
            _stampTime = line.Timestamp;
            _stamp = line.Timestamp.UtcDateTime.ToString(JsonLinesTranscriptWriter.TimestampFormat, CultureInfo.InvariantCulture);
        }

        var (kind, tls) = line.Tag switch
        {
            TranscriptTags.Received => ("recv", false),
            TranscriptTags.ReceivedTls => ("recv", true),
            TranscriptTags.Sent => ("sent", false),
            TranscriptTags.SentTls => ("sent", true),
            TranscriptTags.Error => ("error", line.SessionTls),
            _ => ("info", line.SessionTls),
        };
        json.WriteStartObject();
        json.WriteString("time", _stamp);
        json.WriteString("kind", kind);
        json.WriteBoolean("tls", tls);
        json.WriteString("text", line.Text);
        if (line.Continued)
            json.WriteBoolean("continued", true);
        if (kind == "sent" && line.Hidden)
            json.WriteBoolean("hidden", true);
        if (kind == "recv" && ReplyShape.TryParse(line.Text, out var code, out var last, out var enhanced))
        {
            json.WriteNumber("code", code);
            json.WriteBoolean("last", last);
            if (enhanced is not null)
                json.WriteString("enhanced", enhanced);
        }

        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    public void Dispose() => _json?.Dispose();
}
