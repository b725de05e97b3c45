using System.Diagnostics;
using System.Globalization;
using NetTerm.Core.Sessions;
using NetTerm.Core.Terminal;
using NetTerm.Core.Transport;
using NetTerm.Smtp.Annotations;
using NetTerm.Smtp.Capabilities;
using NetTerm.Smtp.Dialog;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Send;

/// <summary>
/// `netterm smtp send`: one SMTP session that delivers a message (or <see cref="SendOptions.Count"/> of them) and
/// reports every step. It runs on a Core session like the interactive profile, so connect, proxies, TLS
/// verification and the STARTTLS injection check are the same code.
/// </summary>
public sealed partial class SmtpSender : IAsyncDisposable
{
    private readonly SendOptions _options;
    private readonly Action<string>? _print;
    private readonly SmtpReplyReader _reader = new();
    private readonly SmtpDialogState _state = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Session? _session;
    private ClosedEvent? _closed;
    private EhloCapabilities? _capabilities;

    /// <param name="print">Receives each transcript line (swaks's legend, timestamped); null prints nothing and
    /// formats nothing (--quiet: a batch of thousands of messages should not pay for lines nobody reads).</param>
    public SmtpSender(SendOptions options, Action<string>? print)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _print = print;
    }

    public SendReport Report { get; private set; } = null!;

    public async Task<SendReport> RunAsync(CancellationToken ct)
    {
        Report = new SendReport { Server = _options.Session.Host, Port = _options.Session.Port };
        try
        {
            await ConverseAsync(ct).ConfigureAwait(false);
            Report.Success = true;
        }
        catch (SendFailure failure)
        {
            Report.FailedStage = failure.Stage.ToString().ToLowerInvariant();
            Report.Error = failure.Message;
            Report.ConnectionFailure = failure.Connection?.ToString();
            Note("***", failure.Message);
            await QuitQuietlyAsync().ConfigureAwait(false);
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
            Report.ElapsedMs = Math.Round(_clock.Elapsed.TotalMilliseconds, 1);
        }

        return Report;
    }

    private async Task ConverseAsync(CancellationToken ct)
    {
        await ConnectAsync(ct).ConfigureAwait(false);
        var connectedAt = DateTimeOffset.Now;
        var started = _clock.Elapsed;
        var greeting = await ReadReplyAsync(SendStage.Greeting, null, ct).ConfigureAwait(false);
        Record(SendStage.Greeting, "(connect)", connectedAt, (_clock.Elapsed - started).TotalMilliseconds, greeting);
        Expect(SendStage.Greeting, greeting, "the greeting", 220);
        if (!Done(SendStage.Connect) && !Done(SendStage.Greeting))
        {
            // Each stage runs unless --quit-after stopped at the one before; the transaction stops itself.
            (SendStage Stage, Func<CancellationToken, Task> Run)[] stages =
                [(SendStage.Helo, HelloAsync), (SendStage.Tls, StartTlsAsync), (SendStage.Auth, AuthenticateAsync), (SendStage.Data, TransactionsAsync)];
            foreach (var (stage, run) in stages)
            {
                await run(ct).ConfigureAwait(false);
                if (Done(stage))
                {
                    break;
                }
            }
        }

        await QuitAsync(ct).ConfigureAwait(false);
    }

    private bool Done(SendStage stage) => _options.QuitAfter == stage;

    private async Task ConnectAsync(CancellationToken ct)
    {
        var options = _options.Session with { RawDataSink = Stream.Null, Mode = SessionMode.Raw };
        Note("===", $"Trying {options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)}...");
        _session = new Session(options) { InboundObserver = _reader };
        _ = _session.RunAsync(ct);
        _ = DrainEventsAsync(_session);
        if (!await _session.Connected.ConfigureAwait(false))
        {
            var closed = await WaitClosedAsync().ConfigureAwait(false);
            var stage = closed?.Failure == ConnectFailure.Tls ? SendStage.Tls : SendStage.Connect;
            throw new SendFailure(stage, closed?.Reason ?? "could not connect", closed?.Failure ?? ConnectFailure.Other);
        }

        Note("===", $"Connected to {options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)} ({_session.RemoteEndPoint})");
        if (_session.Certificate is { } cert)
        {
            NoteTls(cert, upgraded: false);
        }
    }

    private async Task DrainEventsAsync(Session session)
    {
        await foreach (var e in session.Events.ReadAllAsync().ConfigureAwait(false))
        {
            if (e is ClosedEvent closed)
            {
                _closed = closed;
            }
        }
    }

    private async Task<ClosedEvent?> WaitClosedAsync()
    {
        for (var i = 0; i < 100 && _closed is null; i++)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        return _closed;
    }

    private void NoteTls(CertificateSummary cert, bool upgraded)
    {
        Report.Tls = new SendTls(upgraded, cert.Protocol, cert.CipherSuite, Escape(cert.Subject), Escape(cert.Issuer), cert.Sha256Fingerprint,
            cert.VerifiedName, cert.Verified, cert.VerificationError);
        Note("===", $"TLS started with {cert.Protocol} {cert.CipherSuite}; peer {Escape(cert.Subject)}; "
            + (cert.Verified ? $"verified for {cert.VerifiedName}" : $"UNVERIFIED ({cert.VerificationError})"));
    }

    /// <summary>The next reply, within the reply deadline; the connection's end is a failure of <paramref name="stage"/>.</summary>
    private async Task<SmtpReply> ReadReplyAsync(SendStage stage, string? what, CancellationToken ct)
    {
        // A pipelined group's replies usually arrive together: take a waiting one without arming a timer.
        if (_reader.Replies.TryRead(out var ready))
        {
            return Checked(stage, ready);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.ReplyTimeout);
        try
        {
            if (await _reader.Replies.WaitToReadAsync(deadline.Token).ConfigureAwait(false) && _reader.Replies.TryRead(out var reply))
            {
                return Checked(stage, reply);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var seconds = _options.ReplyTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw new SendFailure(stage, $"no complete reply {(what is null ? "(greeting)" : "to " + what)} within {seconds} s", ConnectFailure.TimedOut);
        }

        var closed = await WaitClosedAsync().ConfigureAwait(false);
        throw new SendFailure(stage, "the connection ended: " + (closed?.Reason ?? "closed by the server"), closed?.Failure ?? ConnectFailure.ConnectionLost);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _session, null) is { } session)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private SmtpReply Checked(SendStage stage, SmtpReply reply)
    {
        if (reply.IsViolation)
        {
            Print(reply, null, 0);
            throw new SendFailure(stage, "protocol violation: " + SmtpAnnotator.Annotate(null, reply, _state, false).Text, ConnectFailure.Protocol);
        }

        return reply;
    }

    private static string Escape(string text) => ControlEscaper.Escape(text, ControlEscaperOptions.Transcript);
}
