using System.Net;
using NetTerm.Core.Sessions;
using NetTerm.Core.Telnet;
using NetTerm.Core.Transcripts;
using NetTerm.Core.Transport;

namespace NetTerm.Core.Tests.Transcripts;

public sealed partial class TranscriptWriterTests
{
    private static readonly DateTimeOffset EventTime = new(2031, 2, 3, 4, 5, 6, 789, TimeSpan.FromHours(-5));

    [Fact]
    public void WriteSent_RedactorInstalled_ReplacesLineAndSecretNeverWritten()
    {
        using var writer = Open();
        var redactor = new AuthRedactor();

        writer.Redactor = redactor;
        writer.WriteSent("AUTH PLAIN AGFsaWNlAHMzY3JldA==", tls: true, hidden: false);
        writer.WriteSent("MAIL FROM:<a@example.com>", tls: true, hidden: false);
        writer.Redactor = null;
        writer.WriteSent("AUTH PLAIN visible", tls: true, hidden: false);

        Assert.Equal(
            [(" ~>", "AUTH PLAIN [redacted]"), (" ~>", "MAIL FROM:<a@example.com>"), (" ~>", "AUTH PLAIN visible")],
            _files.ReadEntries()[1..]);
        Assert.DoesNotContain("AGFsaWNlAHMzY3JldA", File.ReadAllText(_files.Path), StringComparison.Ordinal);
        Assert.Equal(2, redactor.Calls);
    }

    [Fact]
    public void WriteSent_Hidden_LogsOnlyLengthAndSkipsRedactor()
    {
        var redactor = new AuthRedactor();
        using (var writer = Open())
        {
            writer.Redactor = redactor;
            writer.WriteSent("hunter2", tls: false, hidden: true);
        }

        Assert.Equal((" ->", "[7 characters hidden]"), _files.ReadEntries()[1]);
        Assert.DoesNotContain("hunter2", File.ReadAllText(_files.Path), StringComparison.Ordinal);
        Assert.Equal(0, redactor.Calls);
    }

    [Fact]
    public void Write_DataAndSentEvents_RoutedWithEventTimestamp()
    {
        using var writer = Open();

        writer.Write(new DataReceivedEvent("220 hi\r\n", new byte[8], Tls: false) { Timestamp = EventTime });
        writer.Write(new LineSentEvent("EHLO me", 7, Hidden: false, Tls: false) { Timestamp = EventTime });
        writer.Write(new LineSentEvent("", 9, Hidden: true, Tls: true) { Timestamp = EventTime });
        writer.Write(new BytesSentEvent(new byte[3], Hidden: true, Tls: false) { Timestamp = EventTime });
        writer.Write(new BytesSentEvent(new byte[2], Hidden: false, Tls: false) { Timestamp = EventTime });
        writer.Write(new BytesSentEvent(new byte[3], Hidden: false, Tls: true, "IAC WILL NAWS") { Timestamp = EventTime });

        var lines = _files.ReadLines()[1..];
        Assert.All(lines, l => Assert.StartsWith("2031-02-03T04:05:06.789-05:00 ", l, StringComparison.Ordinal));
        Assert.Equal(
            [("<- ", "220 hi"), (" ->", "EHLO me"), (" ~>", "[9 characters hidden]"), (" ->", "[3 bytes hidden]"),
             (" ->", "[2 bytes]"), (" ~>", "IAC WILL NAWS")],
            lines.Select(TranscriptTestFiles.Parse));
    }

    [Fact]
    public void Write_SessionNotes_RoutedAsInfoOrError()
    {
        using var writer = Open();

        writer.Write(new ConnectingEvent("mx.example.com", 25, new IPEndPoint(IPAddress.Loopback, 25)));
        writer.Write(new ConnectedEvent("mx.example.com", 25, null, null, SessionMode.Raw));
        writer.Write(new NegotiationChangedEvent(TelnetOption.Echo, Local: false, Enabled: true, CharacterMode: true));
        writer.Write(new WarningEvent("idle for 60 s"));
        writer.Write(new InfoEvent("half-close sent"));
        writer.Write(new ClosedEvent("server said bye", null, ByPeer: true));
        writer.Write(new ClosedEvent("reset", ConnectFailure.ConnectionLost, ByPeer: true));

        Assert.Equal(
            [
                ("===", "Trying mx.example.com:25 (127.0.0.1:25)..."),
                ("===", "Connected to mx.example.com:25, mode Raw"),
                ("===", "Telnet Echo enabled on the server side; character mode"),
                ("** ", "idle for 60 s"),
                ("===", "half-close sent"),
                ("===", "Connection closed by the peer: server said bye"),
                ("** ", "Connection failed (ConnectionLost): reset"),
            ],
            _files.ReadEntries()[1..]);
    }

    [Fact]
    public void Write_VerifiedTls_InfoLineWithoutUnverifiedMarker()
    {
        using var writer = Open();

        writer.Write(new TlsEstablishedEvent(Certificate(verified: true, insecure: false, error: null), Upgrade: true));

        var entries = _files.ReadEntries()[1..];
        var (tag, text) = Assert.Single(entries);
        Assert.Equal("===", tag);
        Assert.Contains("TLS upgrade established: TLSv1.3, TLS_AES_256_GCM_SHA384", text, StringComparison.Ordinal);
        Assert.Contains("verified for mx.example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("UNVERIFIED", File.ReadAllText(_files.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_InsecureTls_LoudUnverifiedErrorLine()
    {
        using var writer = Open();

        writer.Write(new TlsEstablishedEvent(
            Certificate(verified: false, insecure: true, error: "certificate has expired on 2020-01-01"), Upgrade: false));

        var entries = _files.ReadEntries()[1..];
        Assert.Equal(2, entries.Length);
        Assert.Contains("NOT verified for mx.example.com", entries[0].Text, StringComparison.Ordinal);
        Assert.Equal(("** ", "TLS UNVERIFIED (--insecure): certificate has expired on 2020-01-01"), entries[1]);
    }

    [Fact]
    public void Write_ReceivedPartialThenNote_PartialFlushedBeforeNote()
    {
        using var writer = Open();

        writer.Write(new DataReceivedEvent("220 partial", ReadOnlyMemory<byte>.Empty, Tls: false));
        writer.Write(new ClosedEvent("eof", null, ByPeer: true));

        Assert.Equal([("<- ", "220 partial"), ("===", "Connection closed by the peer: eof")], _files.ReadEntries()[1..]);
    }

    private static CertificateSummary Certificate(bool verified, bool insecure, string? error) => new(
        "CN=mx.example.com", "CN=Test CA", ["mx.example.com"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100),
        "AB:CD", "TLSv1.3", "TLS_AES_256_GCM_SHA384", "mx.example.com", verified, error, insecure);

    private sealed class AuthRedactor : ISecretRedactor
    {
        public int Calls { get; private set; }

        public string? RedactSent(string line)
        {
            Calls++;
            return line.StartsWith("AUTH PLAIN ", StringComparison.Ordinal) ? "AUTH PLAIN [redacted]" : null;
        }
    }
}
