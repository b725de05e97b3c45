using System.Text;
using System.Text.Json;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;
using NetTerm.Core.Transport;

namespace NetTerm.Core.Tests.Transcripts;

public sealed class JsonLinesTranscriptWriterTests : IDisposable
{
    private readonly TranscriptTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private JsonLinesTranscriptWriter Open(int maxLineLength = 4096, TimeProvider? clock = null) =>
        JsonLinesTranscriptWriter.Open(_files.Path, new TranscriptOptions
        {
            MaxLineLength = maxLineLength,
            ProgramVersion = "9.8.7",
            TimeProvider = clock ?? TimeProvider.System,
        });

    /// <summary>Every line parsed as one JSON object (a line that is not fails the test).</summary>
    private List<JsonElement> Records() =>
        [.. _files.ReadLines().Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    private static string S(JsonElement record, string name) => record.GetProperty(name).GetString()!;

    [Fact]
    public void Open_FixedClock_HeaderAndCloseInUtcWithMilliseconds()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 11, 28, 11, 17, 36, 123, TimeSpan.Zero));
        using (var writer = Open(clock: clock))
            writer.WriteReceived("220 ready\r\n", tls: false);

        Assert.Equal(
            [
                """{"time":"2026-11-28T11:17:36.123Z","kind":"info","tls":false,"text":"netterm transcript, version 9.8.7, format jsonl"}""",
                """{"time":"2026-11-28T11:17:36.123Z","kind":"recv","tls":false,"text":"220 ready","code":220,"last":true}""",
                """{"time":"2026-11-28T11:17:36.123Z","kind":"info","tls":false,"text":"netterm transcript closed"}""",
            ],
            _files.ReadLines());
    }

    [Fact]
    public void Write_Session_RecordsInOrderWithKinds()
    {
        using (var writer = Open())
        {
            writer.Write(new ConnectingEvent("mx.test", 25, null));
            writer.Write(new DataReceivedEvent("220 mx.test ESMTP\r\n250-PIPE", ReadOnlyMemory<byte>.Empty, Tls: false));
            writer.Write(new LineSentEvent("EHLO me", Tls: false, Hidden: false, Length: 7));
            writer.Write(new WarningEvent("slow server"));
            writer.Write(new DataReceivedEvent("LINING\r\n250 2.0.0 OK\r\n", ReadOnlyMemory<byte>.Empty, Tls: false));
        }

        var records = Records();
        Assert.Equal(
            [
                ("info", "netterm transcript, version 9.8.7, format jsonl"),
                ("info", "Trying mx.test:25..."),
                ("recv", "220 mx.test ESMTP"),
                ("recv", "250-PIPE"),
                ("sent", "EHLO me"),
                ("error", "slow server"),
                ("recv", "LINING"),
                ("recv", "250 2.0.0 OK"),
                ("info", "netterm transcript closed"),
            ],
            records.Select(r => (S(r, "kind"), S(r, "text"))));
        Assert.False(records[3].GetProperty("last").GetBoolean());
        Assert.False(records[6].TryGetProperty("code", out _));
        Assert.Equal("2.0.0", S(records[7], "enhanced"));
        Assert.All(records, r => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", S(r, "time")));
    }

    [Fact]
    public void WriteSent_RedactorAndHidden_SecretsNeverWritten()
    {
        using (var writer = Open())
        {
            writer.Redactor = new MaskAuth();
            writer.WriteSent("AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=", tls: true, hidden: false);
            writer.WriteSent("hunter2", tls: false, hidden: true);
            writer.Write(new LineSentEvent("s3cret!", Tls: false, Hidden: true, Length: 7));
        }

        var text = File.ReadAllText(_files.Path);
        Assert.DoesNotContain("AGFsaWNlAHdvbmRlcmxhbmQ=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
        var sent = Records().Where(r => S(r, "kind") == "sent").ToList();
        Assert.Equal(["AUTH PLAIN ****", "[7 characters hidden]", "[7 characters hidden]"], sent.Select(r => S(r, "text")));
        Assert.True(sent[0].GetProperty("tls").GetBoolean());
        Assert.False(sent[0].TryGetProperty("hidden", out _));
        Assert.True(sent[1].GetProperty("hidden").GetBoolean());
        Assert.True(sent[2].GetProperty("hidden").GetBoolean());
    }

    [Fact]
    public void Write_TlsEstablished_LaterNotesAndRepliesFlaggedUntilClose()
    {
        using (var writer = Open())
        {
            writer.WriteReceived("220 go ahead\r\n", tls: false);
            writer.Write(new TlsEstablishedEvent(Certificate(), Upgrade: true));
            writer.WriteReceived("250 hi\r\n", tls: true);
            writer.WriteInfo("note under TLS");
            writer.Write(new ClosedEvent("bye", null, ByPeer: true));
            writer.WriteInfo("after close");
        }

        var tls = Records().Skip(1).Select(r => (S(r, "text")[..6], r.GetProperty("tls").GetBoolean())).ToList();
        Assert.Equal([("220 go", false), ("TLS up", true), ("250 hi", true), ("note u", true), ("Connec", true), ("after ", false), ("netter", false)], tls);
    }

    [Fact]
    public void WriteReceived_ControlsAndQuotes_EscapedValidJson()
    {
        using (var writer = Open())
            writer.WriteReceived("a\u001b[31m\"b\"\\c\td\u0000\r\n", tls: false);

        var raw = _files.ReadLines()[1];
        Assert.DoesNotContain(raw, c => c < ' ');
        Assert.Equal("a\\x1b[31m\"b\"\\c\\x09d\\x00", S(Records()[1], "text"));
    }

    [Fact]
    public void WriteReceived_OverlongLine_SplitWithContinued()
    {
        using (var writer = Open(maxLineLength: 16))
            writer.WriteReceived(new string('x', 40) + "\n", tls: false);

        var pieces = Records().Where(r => S(r, "kind") == "recv").ToList();
        Assert.Equal([16, 16, 8], pieces.Select(r => S(r, "text").Length));
        Assert.Equal([true, true, false], pieces.Select(r => r.TryGetProperty("continued", out var c) && c.GetBoolean()));
    }

    [Fact]
    public void Dispose_ThenWrite_Ignored()
    {
        var writer = Open();
        writer.Dispose();
        writer.WriteReceived("late\n", tls: false);
        writer.WriteInfo("late");

        Assert.Equal(2, _files.ReadLines().Length);
    }

    [Fact]
    public void Sinks_OpenJsonl_WritesJsonTextWritesText()
    {
        using (var sink = TranscriptSinks.Open(_files.Path, TranscriptFormat.JsonLines))
            sink.WriteInfo("x");
        Assert.All(_files.ReadLines(), l => JsonDocument.Parse(l).Dispose());

        using (var sink = TranscriptSinks.Open(_files.Path, TranscriptFormat.Text))
            sink.WriteInfo("x");
        Assert.All(_files.ReadLines(), l => TranscriptTestFiles.Parse(l));
    }

    private static CertificateSummary Certificate() => new(
        "CN=mx.example.com", "CN=Test CA", ["mx.example.com"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100),
        "AB:CD", "TLSv1.3", "TLS_AES_256_GCM_SHA384", "mx.example.com", true, null, false);

    private sealed class MaskAuth : ISecretRedactor
    {
        public string? RedactSent(string line) => line.StartsWith("AUTH PLAIN ", StringComparison.Ordinal) ? "AUTH PLAIN ****" : null;
    }
}
