using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Terminal;
using NetTerm.Core.Transport;

namespace NetTerm.Tui.Tests;

public class OutputModelTests
{
    private static readonly SessionOptions Options = new("127.0.0.1", 25) { LineEnding = LineEnding.CrLf };

    private static SessionUpdate Update(SessionEvent e, bool masked = false) => new(1, e, e, masked);

    private static string[] Texts(OutputModel model) =>
        [.. Enumerable.Range(0, model.Lines.Count).Select(i => model.Lines.GetLine(i).Text)];

    [Fact]
    public void Record_ReceivedData_ParsesLinesAndKeepsTheRawBytes()
    {
        var model = new OutputModel(1000);
        var raw = Encoding.ASCII.GetBytes("220 ready\r\n\u001b[31mred\u001b[0m\r\n");

        model.Record(Update(new DataReceivedEvent(Encoding.ASCII.GetString(raw), raw, false)), Options);

        Assert.Equal(["220 ready", "red"], Texts(model));
        Assert.Equal(LineKind.Received, model.Lines.GetKind(0));
        Assert.NotEmpty(model.Lines.GetLine(1).Runs);
        Assert.Equal(raw.Length, model.Traffic.TotalIn);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("cp437")]
    [InlineData("IBM037")] // EBCDIC: ASCII bytes that are other characters
    [InlineData("utf-16")]
    public void Record_ReceivedAsciiBytes_LinesAreTheDecodedText(string charset)
    {
        var encoding = NetTerm.Core.Text.TextDecoderFactory.GetDecodingEncoding(charset);
        var raw = Encoding.ASCII.GetBytes("HELLO there\r\nsecond line\r\n");
        var text = encoding.GetString(raw);
        var model = new OutputModel(1000);

        model.Record(Update(new DataReceivedEvent(text, raw, false)), Options with { Encoding = encoding });

        var expected = new Scrollback(1000);
        new TerminalTextProcessor(expected).Process(text, DateTimeOffset.Now);
        Assert.Equal(
            Enumerable.Range(0, expected.Count).Select(i => expected.GetLine(i).Text),
            Texts(model));
    }

    [Fact]
    public void Record_SentLine_EchoesItAndRebuildsItsBytesWithTheLineEnding()
    {
        var model = new OutputModel(1000);

        model.Record(Update(new LineSentEvent("EHLO me", 7, Hidden: false, Tls: false)), Options);

        Assert.Equal(["EHLO me"], Texts(model));
        Assert.Equal(LineKind.Sent, model.Lines.GetKind(0));
        Assert.Equal("EHLO me\r\n", Encoding.ASCII.GetString(model.Traffic.GetChunk(0).Bytes.Span));
    }

    [Fact]
    public void Record_HiddenOrMaskedLine_NeverReachesTheHexViewAndHiddenTextIsNotShown()
    {
        var model = new OutputModel(1000);

        model.Record(Update(new LineSentEvent("wonderland", 10, Hidden: true, Tls: false)), Options);
        model.Record(Update(new LineSentEvent("AUTH PLAIN ****", 15, Hidden: false, Tls: false), masked: true), Options);

        Assert.Equal(["[10 characters hidden]", "AUTH PLAIN ****"], Texts(model));
        Assert.Equal(0, model.Traffic.TotalOut);
    }

    [Fact]
    public void Record_LocalEchoOff_KeepsTheBytesButAddsNoLine()
    {
        var model = new OutputModel(1000) { LocalEcho = false };

        model.Record(Update(new LineSentEvent("ls", 2, Hidden: false, Tls: false)), Options);

        Assert.Empty(Texts(model));
        Assert.Equal(4, model.Traffic.TotalOut);
    }

    [Fact]
    public void Record_SystemEvents_AddEscapedLinesOfTheirKind()
    {
        var model = new OutputModel(1000);

        model.Record(Update(new AnnotationEvent("250 = requested action okay", Severity.Normal)), Options);
        model.Record(Update(new WarningEvent("odd\u001b]0;title\u0007")), Options);
        model.Record(Update(new ClosedEvent("refused", ConnectFailure.Refused, ByPeer: false)), Options);

        Assert.Equal([LineKind.Annotation, LineKind.Warning, LineKind.Error], Enumerable.Range(0, 3).Select(model.Lines.GetKind));
        Assert.DoesNotContain('\u001b', Texts(model)[1]);
        Assert.Contains("Ctrl+R to reconnect", Texts(model)[2]);
    }

    [Fact]
    public async Task Record_WhileAnotherThreadReadsAndAddsLines_KeepsEveryLineWhole()
    {
        var model = new OutputModel(500);
        var payload = string.Concat(Enumerable.Range(0, 200).Select(i => $"line {i:D5} {new string('x', 60)}\r\n"));
        var bytes = Encoding.ASCII.GetBytes(payload);
        using var stop = new CancellationTokenSource();
        var torn = 0;

        // The UI thread's side: frames read whole screenfuls under the lock, messages are added without it.
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                lock (model.Lines.SyncRoot)
                {
                    for (var i = Math.Max(0, model.Lines.Count - 40); i < model.Lines.Count; i++)
                    {
                        var line = model.Lines.GetLine(i);
                        if (line.Kind == LineKind.Received && line.Text.Length != 71)
                        {
                            torn++;
                        }
                    }
                }

                model.AddLine(LineKind.System, "status");
                _ = model.Lines.FindNext("line 00199", 0, forward: true, ignoreCase: false);
            }
        });

        for (var round = 0; round < 300; round++)
        {
            model.Record(Update(new DataReceivedEvent(payload, bytes, false)), Options);
        }

        await stop.CancelAsync();
        await reader;
        Assert.Equal(0, torn);
        Assert.Equal(500, model.Lines.Count);
        Assert.True(model.Lines.TotalAppended >= 60_000);
    }
}
