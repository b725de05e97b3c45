using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Testing;
using NetTerm.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Testing;

namespace NetTerm.Tui.Tests.Views;

/// <summary>
/// The main window on Terminal.Gui's headless ANSI driver (crib sheet §3), driven by a script of steps from
/// app.Iteration, which also fires inside nested modal loops (dialogs). An action step advances before it runs,
/// so a step that opens a dialog lets the following steps inspect and close it.
/// </summary>
internal sealed class UiHarness : IDisposable
{
    private readonly List<(bool IsAction, Func<bool> Step, string Name)> _steps = [];
    private int _next;

    public UiHarness(int port, int width = 100, int height = 30, SessionMode mode = SessionMode.Raw, HistoryPersistence? history = null)
    {
        App = Application.Create();
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        var target = new ConnectTarget("127.0.0.1", port, mode.ToString().ToLowerInvariant(), Tls: false);
        Options = new SessionOptions("127.0.0.1", port) { Mode = mode };
        var launch = new TuiLaunch(Options, target, _ => Options, _ => PassThroughProfile.Raw, ["auto", "raw", "telnet"], null) { History = history };
        Window = new MainWindow(App, launch, null);
        Window.Connect(target, Options);
    }

    public IApplication App { get; }

    public MainWindow Window { get; }

    public SessionOptions Options { get; }

    public string Screen
    {
        get
        {
            App.LayoutAndDraw();
            return App.Driver!.ToString()!;
        }
    }

    public UiHarness Do(string name, Action action)
    {
        _steps.Add((true, () => { action(); return true; }, name));
        return this;
    }

    public UiHarness Until(string name, Func<bool> condition)
    {
        _steps.Add((false, condition, name));
        return this;
    }

    public UiHarness Type(string text)
    {
        foreach (var c in text)
        {
            var ch = c;
            Do($"type {ch}", () => App.InjectKey(ch));
        }

        return this;
    }

    /// <summary>Runs the window until every step is done (then stops it) or 15 s pass (then fails with the screen).</summary>
    public void Run(bool stopAtEnd = true)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        string? failure = null;
        App.Iteration += (_, _) =>
        {
            while (_next < _steps.Count)
            {
                if (DateTime.UtcNow > deadline)
                {
                    failure ??= $"timed out at step '{_steps[_next].Name}'; screen:\n{Screen}";
                    App.RequestStop();
                    return;
                }

                var (isAction, step, _) = _steps[_next];
                if (isAction)
                {
                    _next++;
                    step();
                    continue;
                }

                if (!step())
                {
                    return;
                }

                _next++;
            }

            if (stopAtEnd && ReferenceEquals(App.TopRunnable, Window))
            {
                App.RequestStop();
            }
        };
        App.Run(Window);
        if (failure is not null)
        {
            Assert.Fail(failure);
        }

        Assert.Equal(_steps.Count, _next);
    }

    public void Dispose()
    {
        Window.Controller.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        Window.Dispose();
        App.Dispose();
    }
}

/// <summary>An echo server that also records what it received.</summary>
internal sealed class RecordingEchoServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly StringBuilder _received = new();

    public RecordingEchoServer(string greeting = "") =>
        _server = LoopbackServer.Start(async (client, ct) =>
        {
            var stream = client.GetStream();
            if (greeting.Length > 0)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(greeting), ct);
            }

            var buffer = new byte[4096];
            int n;
            while ((n = await stream.ReadAsync(buffer, ct)) > 0)
            {
                lock (_received)
                {
                    _received.Append(Encoding.UTF8.GetString(buffer, 0, n));
                }

                await stream.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        });

    public int Port => _server.Port;

    public string Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToString();
            }
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
