using NetTerm.Core.Sessions;

namespace NetTerm.Core.Transcripts;

/// <summary>A session log. <see cref="TranscriptRecorder"/> implements it once for every file format
/// (<see cref="TranscriptWriter"/> for text, <see cref="JsonLinesTranscriptWriter"/> for JSON lines).
/// Implementations are thread-safe.</summary>
public interface ITranscriptSink : IDisposable
{
    /// <summary>Replaces the redactor applied to sent lines; null logs sent lines as they are.</summary>
    ISecretRedactor? Redactor { get; set; }

    /// <summary>Logs a session event (data, sent lines, connection, TLS and telnet notes).</summary>
    void Write(SessionEvent sessionEvent);

    /// <summary>Logs received text; chunks need not align with lines.</summary>
    void WriteReceived(string text, bool tls);

    /// <summary>Logs a line the user sent. When <paramref name="hidden"/> only its length is logged.</summary>
    void WriteSent(string line, bool tls, bool hidden);

    void WriteInfo(string message);

    void WriteError(string message);

    /// <summary>Writes out a partial received line now (for example a prompt, after the session went idle).</summary>
    void FlushPending();
}
