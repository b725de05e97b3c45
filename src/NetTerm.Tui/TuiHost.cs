using System.Runtime.InteropServices;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;
using NetTerm.Tui.Views;
using Terminal.Gui.App;
using NetTerm.Core.Terminal;

namespace NetTerm.Tui;

/// <summary>
/// The TUI's entry point for the composition root. Runs the full-screen client on the calling thread until the
/// user quits. The host terminal is restored on every way out: normal quit, an exception, SIGTERM or SIGHUP
/// (disposing the application is what restores it). Network errors never end it; they are shown in the UI.
/// </summary>
public static class TuiHost
{
    /// <summary>Runs the client. Returns 0 when the user quit, 129 when the terminal went away (SIGHUP), 130 after
    /// SIGTERM. The caller must have checked that
    /// stdin and stdout are terminals (Terminal.Gui draws nothing and never exits otherwise).</summary>
    /// <exception cref="IOException">The transcript file cannot be opened.</exception>
    public static async Task<int> RunAsync(TuiLaunch launch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var transcript = launch.LogFile is { } path ? TranscriptSinks.Open(path, launch.LogFormat) : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var signalled = false;
        var terminalGone = false;
        void OnSignal(PosixSignalContext context)
        {
            // Let the UI loop end normally so app.Dispose restores the terminal; the process exits afterwards.
            context.Cancel = true;
            signalled = true;
            terminalGone |= context.Signal == PosixSignal.SIGHUP;
            stop.Cancel();
            // A safety net: if the loop still does not end (a draw blocked on a dead terminal), leave anyway. The
            // exit runs ProcessExit, which closes the transcript.
            _ = Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None).ContinueWith(
                _ => Environment.Exit(context.Signal == PosixSignal.SIGHUP ? 129 : 143), TaskScheduler.Default);
        }

        // The transcript buffers up to ~100 ms: whatever way the process ends, what was received is written out.
        void OnExit(object? sender, EventArgs e) => CloseLog(transcript);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
        IApplication? app = null;
        void OnCrash(object? sender, UnhandledExceptionEventArgs e)
        {
            CloseLog(transcript);
            app?.Dispose();
        }

        AppDomain.CurrentDomain.UnhandledException += OnCrash;
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        MainWindow? window = null;
        try
        {
            app = Application.Create().Init();
            window = new MainWindow(app, launch, transcript);
            Start(app, window, launch);
            InjectFaultIfAsked();
            await app.RunAsync(window, stop.Token, ex =>
            {
                if (ex is IOException)
                {
                    // The terminal itself failed (closed under us): nothing can be drawn any more.
                    terminalGone = true;
                    stop.Cancel();
                    return true;
                }

                // A bug in a handler must not take the user's session (and terminal) down with it.
                window.Say(LineKind.Error, "internal error: " + ex.Message);
                return true;
            }).ConfigureAwait(true);
        }
        finally
        {
            // Stop the producers before the application goes: Invoke throws after Dispose.
            if (window is not null)
            {
                await window.Controller.DisposeAsync().ConfigureAwait(false);
                window.Dispose();
            }

            // A terminal that hung up cannot be restored, and Terminal.Gui's input thread spins on its end of file
            // without ever seeing the stop, so app.Dispose (which waits for that thread) would never return.
            if (!terminalGone)
            {
                app?.Dispose();
            }

            AppDomain.CurrentDomain.UnhandledException -= OnCrash;
            AppDomain.CurrentDomain.ProcessExit -= OnExit;
            CloseLog(transcript);
        }

        return terminalGone ? 129 : signalled ? 130 : 0;
    }

    /// <summary>Writes out the transcript's last lines. A disk that filled up was already said in the pane; here, with
    /// the terminal restored, one line on stderr says the file is incomplete. Closing twice is harmless.</summary>
    private static void CloseLog(ITranscriptSink? transcript)
    {
        try
        {
            transcript?.Dispose();
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine("netterm: transcript: " + Core.Text.Messages.OneLine(ex.Message) + "; the log is incomplete");
        }
    }

    /// <summary>NETTERM_FAULT_INJECT=crash throws an unhandled exception on a background thread a second after start:
    /// the only way to check, in the real binary (tmux test), that a crash still gives the user their terminal back.</summary>
    private static void InjectFaultIfAsked()
    {
        if (Environment.GetEnvironmentVariable("NETTERM_FAULT_INJECT") == "crash")
        {
            var thread = new Thread(() =>
            {
                Thread.Sleep(1000);
                throw new InvalidOperationException("fault injected by NETTERM_FAULT_INJECT=crash");
            }) { IsBackground = true };
            thread.Start();
        }
    }

    private static void Start(IApplication app, MainWindow window, TuiLaunch launch)
    {
        if (launch.Session is { } session)
        {
            window.Connect(launch.Target ?? TargetOf(session), session);
            return;
        }

        // After the first frame: a dialog opened before the loop runs would have no screen under it.
        app.AddTimeout(TimeSpan.FromMilliseconds(50), () =>
        {
            window.OpenAtStart();
            return false;
        });
    }

    internal static ConnectTarget TargetOf(SessionOptions session) =>
        new(session.Host, session.Port, session.Mode.ToString().ToLowerInvariant(), session.Tls is not null);
}
