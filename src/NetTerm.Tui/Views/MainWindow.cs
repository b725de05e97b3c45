using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;
using NetTerm.Core.Transport;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using NetTerm.Core.Terminal;

namespace NetTerm.Tui.Views;

/// <summary>
/// The full-screen client: menu, banners, output pane, optional side panel, prompt and input line, status bar.
/// Session events arrive in batches from <see cref="UiDispatcher{T}"/>; keys are routed globally in
/// MainWindow.Keys.cs; sending goes through the profile in MainWindow.Send.cs.
/// </summary>
internal sealed partial class MainWindow : Runnable
{
    private const int PanelWidth = 34;

    private readonly IApplication _app;
    private readonly TuiLaunch _launch;
    private readonly SessionController _controller;
    private readonly UiDispatcher<SessionUpdate> _dispatcher;
    private readonly OutputModel _output;
    private readonly OutputPalette _palette;
    private readonly Label _banners;
    private readonly Label _prompt;
    private readonly SidePanel _panel;
    private readonly StatusLine _status;
    private readonly MenuBar _menu;
    private object? _clock;

    public MainWindow(IApplication app, TuiLaunch launch, ITranscriptSink? transcript)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(launch);
        _app = app;
        _launch = launch;
        _palette = new OutputPalette(launch.NoColor);
        _output = new OutputModel(launch.ScrollbackLines);
        _dispatcher = new UiDispatcher<SessionUpdate>(
            Post, ApplyBatch, maxWeight: SessionController.BacklogEvents, drained: OnDrained);
        _controller = new SessionController(transcript, _output, _dispatcher);
        Width = Dim.Fill();
        Height = Dim.Fill();
        if (launch.NoColor)
        {
            SetScheme(new Scheme(new Terminal.Gui.Drawing.Attribute(Color.None, Color.None))
            {
                Focus = new Terminal.Gui.Drawing.Attribute(Color.None, Color.None, TextStyle.Reverse),
            });
        }

        _menu = BuildMenu();
        _banners = Dialogs.DataLabel.Create();
        _banners.X = 0;
        _banners.Y = Pos.Bottom(_menu);
        _banners.Width = Dim.Fill();
        _banners.Height = 0;
        Output = new OutputView(_output.Lines, _palette) { X = 0, Y = Pos.Bottom(_banners), Width = Dim.Fill(), Height = Dim.Fill(2) };
        _panel = new SidePanel(launch.NoColor)
        {
            X = Pos.AnchorEnd(PanelWidth), Y = Pos.Bottom(_banners), Width = PanelWidth, Height = Dim.Fill(2), Visible = false,
        };
        _prompt = new Label { X = 0, Y = Pos.AnchorEnd(2), Text = "> " };
        Input = new CommandInput { X = Pos.Right(_prompt), Y = Pos.AnchorEnd(2), Width = Dim.Fill() };
        _status = new StatusLine(launch.NoColor) { X = 0, Y = Pos.AnchorEnd(1) };
        Add(_menu, _banners, Output, _panel, _prompt, Input, _status);
        Input.Submitted += (_, line) => OnSubmitted(line);
        Input.CompletionRequested += (_, _) => Complete();
        Output.ViewportChanged += (_, _) => OnOutputResized();
        _app.Keyboard.KeyDown += OnGlobalKeyDown;
        _app.Paste += OnPaste;
        IsRunningChanged += (_, e) =>
        {
            if (e.Value && _clock is null)
            {
                _clock = _app.AddTimeout(TimeSpan.FromSeconds(1), () => { RefreshStatus(); return true; });
            }
        };
        Input.SetFocus();
        RefreshStatus();
    }

    public OutputView Output { get; }

    public CommandInput Input { get; }

    /// <summary>The status bar's text (tests).</summary>
    public string StatusText => _status.PlainText;

    internal SessionController Controller => _controller;

    internal RawByteLog Traffic => _output.Traffic;

    /// <summary>Connects to <paramref name="target"/>; the current connection, if any, is closed first.</summary>
    public void Connect(ConnectTarget target, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var (columns, rows) = PaneSize();
        options = options with { Columns = columns, Rows = rows, LineEnding = _endingOverride ?? options.LineEnding };
        _output.ResetProcessor();
        ResetConnectionState();
        _state = LinkState.Connecting;
        LoadHistoryFor(target);
        _controller.Start(target, options, _launch.ProfileFor(target));
        HookProfile();
        RefreshStatus();
    }

    /// <summary>Connects again to the last target with the same options (Ctrl+R).</summary>
    public void Reconnect()
    {
        if (_controller.Target is { } target && _controller.Options is { } options)
        {
            AddLine(LineKind.System, $"reconnecting to {target.Host}:{target.Port}…");
            Connect(target, options);
        }
        else
        {
            ShowConnectDialog();
        }
    }

    private (int Columns, int Rows) PaneSize()
    {
        var width = Output.Viewport.Width > 0 ? Output.Viewport.Width : (_app.Driver?.Cols ?? 80);
        var height = Output.Viewport.Height > 0 ? Output.Viewport.Height : Math.Max(1, (_app.Driver?.Rows ?? 24) - 4);
        return (Math.Max(1, width), Math.Max(1, height));
    }

    private void Post(Action action)
    {
        try
        {
            if (Environment.CurrentManagedThreadId == _app.MainThreadId)
            {
                // On the UI thread Invoke would run inline; a zero timeout defers to the next iteration instead.
                _app.AddTimeout(TimeSpan.Zero, () => { action(); return false; });
            }
            else
            {
                _app.Invoke(action);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // The application is shutting down; the events are in the transcript already.
        }
    }

    private void RefreshStatus()
    {
        var s = _controller.Session;
        var target = _controller.Target is { } t ? $"{t.Host}:{t.Port}" : "no connection (^O open)";
        var mode = s is null ? "-" : s.Mode.ToString().ToLowerInvariant();
        // A pass-through profile's label is the session mode; an assisted one (smtp) is named instead, since its
        // label (SMTP, SMTP/TLS, DATA) is on the prompt already and TLS has its own segment.
        if (_controller.Profile is { } p && !string.Equals(p.PromptLabel, mode, StringComparison.OrdinalIgnoreCase)
            && _controller.ProfileName is { Length: > 0 } name)
        {
            mode = Core.Terminal.ControlEscaper.Escape(name);
        }

        var up = _state == LinkState.Connected && _connectedAt is { } at ? DateTimeOffset.Now - at : (TimeSpan?)null;
        _status.Show(StatusFormatter.Format(new StatusSnapshot(
            target, mode, _state, _reason, _tls, s?.BytesIn ?? 0, s?.BytesOut ?? 0, up, _launch.LogFile, CharMode, _remoteEcho)));
    }

    private void ShowBanners(IReadOnlyList<Core.Profiles.Banner> banners)
    {
        var text = string.Join("\n", banners.Select(b => "⚠ " + Core.Terminal.ControlEscaper.Escape(b.Text)));
        _banners.Text = text;
        _banners.Height = banners.Count;
        if (!_launch.NoColor)
        {
            _banners.SetScheme(new Scheme(new Terminal.Gui.Drawing.Attribute(new Color(ColorName16.White), new Color(ColorName16.Red))));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Keyboard.KeyDown -= OnGlobalKeyDown;
            _app.Paste -= OnPaste;
            if (_clock is not null)
            {
                _app.RemoveTimeout(_clock);
            }
        }

        base.Dispose(disposing);
    }
}
