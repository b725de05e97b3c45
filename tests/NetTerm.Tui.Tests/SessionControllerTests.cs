using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Terminal;
using NetTerm.Core.Transcripts;
using NetTerm.Testing;

namespace NetTerm.Tui.Tests;

public class SessionControllerTests
{
    [Fact]
    public async Task Start_TranscriptWriteFails_TextIsStillShownAndAWarningSaysTheLogStopped()
    {
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            await s.SendAsync(Encoding.ASCII.GetBytes("hello from the server\r\n"), ct);
            await Task.Delay(100, ct);
            await s.SendAsync(Encoding.ASCII.GetBytes("and more\r\n"), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        var output = new OutputModel(1000);
        var updates = new List<SessionUpdate>();
        var dispatcher = new UiDispatcher<SessionUpdate>(action => action(), batch => { lock (updates) updates.AddRange(batch); });
        var controller = new SessionController(new FailingSink(), output, dispatcher);
        await using (controller.ConfigureAwait(false))
        {
            controller.Start(new ConnectTarget("127.0.0.1", server.Port, "raw", false), new SessionOptions("127.0.0.1", server.Port), PassThroughProfile.Raw);

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!Texts(output).Any(t => t.Contains("and more", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Contains(Texts(output), t => t == "hello from the server");
            // Said once, not for every event that follows.
            Assert.Single(Texts(output), t => t.StartsWith("transcript: disk full; logging stopped", StringComparison.Ordinal));
        }
    }

    private static List<string> Texts(OutputModel output)
    {
        lock (output.Lines.SyncRoot)
        {
            return [.. Enumerable.Range(0, output.Lines.Count).Select(i => output.Lines.GetLine(i).Text)];
        }
    }

    /// <summary>A log on a full disk: every write fails.</summary>
    private sealed class FailingSink : ITranscriptSink
    {
        public ISecretRedactor? Redactor { get; set; }

        public void Write(SessionEvent sessionEvent) => throw new IOException("disk full");

        public void WriteReceived(string text, bool tls) => throw new IOException("disk full");

        public void WriteSent(string line, bool tls, bool hidden) => throw new IOException("disk full");

        public void WriteInfo(string message) => throw new IOException("disk full");

        public void WriteError(string message) => throw new IOException("disk full");

        public void FlushPending()
        {
        }

        public void Dispose()
        {
        }
    }
}
