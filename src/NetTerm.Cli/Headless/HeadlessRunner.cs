using System.Text;
using NetTerm.Cli.Commands;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Terminal;
using NetTerm.Core.Transcripts;

namespace NetTerm.Cli.Headless;

/// <summary>
/// `netterm --no-tui`: the nc-like path. stdin lines (or bytes with --binary) go to the server; server data goes to
/// stdout with every control character except TAB and LF made visible; status and errors go to stderr, one line each.
/// At stdin EOF the queued input is sent, the send side is closed, and the server gets --wait to finish.
/// </summary>
internal sealed partial class HeadlessRunner
{
    private readonly ConnectRequest _request;
    private readonly ConsoleStreams _console;
    private readonly StreamingControlEscaper _escaper = new();
    private ClosedEvent? _closed;
    private IProfileSession? _profile;

    public HeadlessRunner(ConnectRequest request, ConsoleStreams console)
    {
        _request = request;
        _console = console;
    }

    public async Task<int> RunAsync(CancellationToken ct)
    {
        ITranscriptSink? transcript = null;
        try
        {
            transcript = _request.LogFile is { } path ? OpenTranscript(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot open log file: {Core.Text.Messages.OneLine(ex.Message)}");
        }

        try
        {
            // A larger read means fewer loop turns: the pass-through path is bound by per-read overhead, not copying.
            var options = _request.Binary
                ? _request.Session with { RawDataSink = _console.Output, ReadBufferSize = 1024 * 1024 }
                : _request.Session;
            await using var session = new Session(options);
            var profile = SessionContext.Attach(_request.Profile, session, interactive: false);
            _profile = profile;
            if (transcript is not null)
            {
                transcript.Redactor = profile.Redactor;
            }

            var run = session.RunAsync(ct);
            var events = ConsumeEventsAsync(session, profile, transcript);
            var input = PumpInputAsync(session, profile, ct);
            var first = await Task.WhenAny(events, input).ConfigureAwait(false);
            if (first == input && !session.IsClosed)
            {
                await FinishAfterEofAsync(session, profile, events, input, ct).ConfigureAwait(false);
            }

            await session.CloseAsync("closed").ConfigureAwait(false);
            await run.ConfigureAwait(false);
            await events.ConfigureAwait(false);
            await _console.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            CloseTranscript(transcript);
        }

        if (ct.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        if (_closed?.Failure is not null || _profile?.Result is not { Outcome: not ProfileOutcome.Ok } verdict)
        {
            return ExitCodes.For(_closed?.Failure);
        }

        Error(verdict.Detail ?? verdict.Outcome.ToString());
        return ExitCodes.For(verdict.Outcome);
    }

    /// <summary>The last lines and the closing note are written here; a disk that filled up is reported once.</summary>
    private void CloseTranscript(ITranscriptSink? transcript)
    {
        try
        {
            transcript?.Dispose();
        }
        catch (IOException ex)
        {
            if (!_logFailed)
            {
                Error("transcript: " + Core.Text.Messages.OneLine(ex.Message) + "; the log is incomplete");
            }
        }
    }

    private async Task FinishAfterEofAsync(Session session, IProfileSession profile, Task events, Task input, CancellationToken ct)
    {
        if (input.IsFaulted)
        {
            // A send failed: the session's own ClosedEvent explains why.
            await Task.WhenAny(events, Task.Delay(_request.Wait, ct)).ConfigureAwait(false);
            return;
        }

        // The profile may still be pacing queued lines (SMTP waits for each reply); --wait counts from when they are done.
        await Task.WhenAny(profile.DrainAsync(ct), events).ConfigureAwait(false);
        await session.ShutdownSendAsync(ct).ConfigureAwait(false);
        var waited = await Task.WhenAny(events, Task.Delay(_request.Wait, ct)).ConfigureAwait(false);
        if (waited != events)
        {
            Status($"input ended; the server did not close within {_request.Wait.TotalSeconds:0.###} s, closing", verboseOnly: true);
        }
    }

    private ITranscriptSink OpenTranscript(string path) => TranscriptSinks.Open(path, _request.LogFormat, new TranscriptOptions());

    private async Task PumpInputAsync(Session session, IProfileSession profile, CancellationToken ct)
    {
        if (!await session.Connected.ConfigureAwait(false))
        {
            return;
        }

        if (_request.Binary)
        {
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = await _console.Input.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                await session.SendBytesAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
            }

            return;
        }

        using var reader = new StreamReader(_console.Input, Encoding.UTF8, false, 64 * 1024, leaveOpen: true);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            switch (profile.Review(line))
            {
                case SubmitReview.SendLine:
                    await profile.SubmitAsync(line, ct).ConfigureAwait(false);
                    break;
                case SubmitReview.Confirm confirm:
                    Error(confirm.Confirmation.Refusal);
                    break;
                case SubmitReview.OpenForm form:
                    Error($"{form.Form.Title} needs the interactive client; line not sent");
                    break;
                case SubmitReview.Refuse refuse:
                    Error(refuse.Reason);
                    break;
            }
        }
    }
}
