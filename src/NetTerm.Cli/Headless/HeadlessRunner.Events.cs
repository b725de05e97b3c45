using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;

namespace NetTerm.Cli.Headless;

internal sealed partial class HeadlessRunner
{
    private async Task ConsumeEventsAsync(Session session, IProfileSession profile, ITranscriptSink? transcript)
    {
        await foreach (var e in session.Events.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                transcript?.Write(e);
            }
            catch (IOException ex)
            {
                // A full disk stops the log, not the session: said once on stderr, like any warning.
                transcript = null;
                _logFailed = true;
                Error("transcript: " + Core.Text.Messages.OneLine(ex.Message) + "; logging stopped");
            }

            profile.OnEvent(e);
            switch (e)
            {
                case AnnotationEvent a:
                    await WriteOutputAsync(_escaper.Flush() + "   # " + a.Text + "\n").ConfigureAwait(false);
                    break;
                case DataReceivedEvent data:
                    await WriteOutputAsync(data.Text).ConfigureAwait(false);
                    break;
                case ConnectingEvent c when c.Address is not null:
                    Status($"trying {c.Address}…", verboseOnly: true);
                    break;
                case ConnectedEvent c:
                    Status($"connected to {c.Host} port {c.Port} ({c.Remote})");
                    break;
                case ModeDetectedEvent m:
                    Status($"mode {m.Mode.ToString().ToLowerInvariant()}: {m.Reason}", verboseOnly: true);
                    break;
                case TlsEstablishedEvent t:
                    _unverified = !t.Certificate.Verified;
                    Status(TlsStatus(t));
                    break;
                case NegotiationChangedEvent n:
                    Status($"telnet: {(n.Local ? "we" : "server")} {(n.Enabled ? "will" : "won't")} {n.Option}"
                        + (n.CharacterMode ? " (character mode)" : string.Empty), verboseOnly: true);
                    break;
                case WarningEvent w:
                    Status("warning: " + w.Message);
                    break;
                case InfoEvent i:
                    Status(i.Message, verboseOnly: true);
                    break;
                case ClosedEvent closed:
                    _closed = closed;
                    await WriteOutputAsync(_escaper.Flush()).ConfigureAwait(false);
                    if (closed.Failure is null)
                    {
                        Status(closed.Reason);
                    }
                    else
                    {
                        Error(closed.Reason);
                    }

                    break;
            }
        }
    }

    private static string TlsStatus(TlsEstablishedEvent t)
    {
        var c = t.Certificate;
        var verdict = c.Verified
            ? $"verified {c.VerifiedName}"
            : $"UNVERIFIED (--insecure): {c.VerificationError ?? "not checked"}";
        return $"{(t.Upgrade ? "upgraded to " : string.Empty)}{c.Protocol} {c.CipherSuite}, {verdict}";
    }

    private async Task WriteOutputAsync(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var safe = _escaper.Escape(text);
        if (safe.Length == 0)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(safe);
        await _console.Output.WriteAsync(bytes).ConfigureAwait(false);
        await _console.Output.FlushAsync().ConfigureAwait(false);
    }

    private void Status(string message, bool verboseOnly = false)
    {
        if (_request.Quiet || (verboseOnly && !_request.Verbose))
        {
            return;
        }

        _console.Error.WriteLine("netterm: " + Neutral(message) + (_unverified ? " [TLS UNVERIFIED]" : string.Empty));
    }

    private bool _unverified;

    /// <summary>Writing the transcript failed once (a full disk): it was said, and the log was given up.</summary>
    private bool _logFailed;

    private void Error(string message) =>
        _console.Error.WriteLine("netterm: " + Neutral(message) + (_unverified ? " [TLS UNVERIFIED]" : string.Empty));

    /// <summary>Status lines may carry server text (a certificate subject, a proxy reply); they get the same
    /// neutralisation as data.</summary>
    private static string Neutral(string text) => Core.Terminal.ControlEscaper.Escape(text);
}
