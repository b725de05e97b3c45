using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Core.Terminal;

namespace NetTerm.Tui.Views;

internal sealed partial class MainWindow
{
    private LinkState _state;
    private string? _reason;
    private CertificateSummary? _tls;
    private DateTimeOffset? _connectedAt;
    private bool _serverCharMode;
    private bool _remoteEcho;
    private bool? _charModeOverride;

    /// <summary>Whether sent lines are echoed into the pane (telnet prompt "echo" toggles).</summary>
    public bool LocalEcho { get; set; } = true;

    /// <summary>F7: annotation lines are always kept; this shows or hides all of them, old ones included.</summary>
    public bool ShowAnnotations
    {
        get => !Output.HideAnnotations;
        set => Output.HideAnnotations = !value;
    }

    /// <summary>Keys go to the server as typed: the server asked (WILL ECHO + WILL SGA), or the user forced it.</summary>
    public bool CharMode => _charModeOverride ?? _serverCharMode;

    private void ResetConnectionState()
    {
        _reason = null;
        _tls = null;
        _connectedAt = null;
        _serverCharMode = false;
        _remoteEcho = false;
        Input.Secret = false;
    }

    /// <summary>Applies a batch; a drain applies several within one main-loop iteration, then <see cref="OnDrained"/>
    /// refreshes once, so a burst costs one redraw per frame.</summary>
    private void ApplyBatch(IReadOnlyList<SessionUpdate> batch)
    {
        var current = _controller.Generation;
        foreach (var u in batch)
        {
            var mine = u.Generation == current;
            Apply(u, mine);
            if (mine && _controller.Profile is { } profile)
            {
                try
                {
                    profile.OnEvent(u.Original);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    AddLine(LineKind.Error, "profile error: " + ex.Message);
                }
            }
        }
    }

    private void OnDrained()
    {
        Output.Refresh();
        RefreshStatus();
    }

    private void Apply(SessionUpdate u, bool mine)
    {
        switch (u.Event)
        {
            case DataReceivedEvent e:
                _processor.Process(e.Text, e.Timestamp);
                Traffic.Append(ByteDirection.In, e.Raw.Span, e.Timestamp);
                return;
            case LineSentEvent e:
                OnLineSent(e, u, mine);
                return;
            case BytesSentEvent e:
                if (!e.Hidden)
                {
                    Traffic.Append(ByteDirection.Out, e.Raw.Span, e.Timestamp);
                }

                if (e.Description is { } what)
                {
                    AddLine(LineKind.System, "sent " + what, e.Timestamp);
                }

                return;
            case AnnotationEvent e:
                AddLine(LineKind.Annotation, e.Text, e.Timestamp);
                return;
            case ConnectingEvent e:
                AddLine(LineKind.System, $"trying {e.Host}:{e.Port}{(e.Address is null ? string.Empty : $" ({e.Address})")}…", e.Timestamp);
                return;
            case ConnectedEvent e:
                if (mine)
                {
                    _state = LinkState.Connected;
                    _connectedAt = e.Timestamp;
                    ShowTelnetMenu(e.Mode == SessionMode.Telnet);
                }

                AddLine(LineKind.System, $"connected to {e.Host}:{e.Port} ({e.Remote})", e.Timestamp);
                return;
            case ModeDetectedEvent e:
                if (mine)
                {
                    ShowTelnetMenu(e.Mode == SessionMode.Telnet);
                }

                AddLine(LineKind.System, $"mode {e.Mode.ToString().ToLowerInvariant()}: {e.Reason}", e.Timestamp);
                return;
            case TlsEstablishedEvent e:
                if (mine)
                {
                    _tls = e.Certificate;
                }

                AddLine(e.Certificate.Verified ? LineKind.System : LineKind.Error, Describe(e.Certificate), e.Timestamp);
                return;
            case NegotiationChangedEvent e:
                if (mine)
                {
                    OnNegotiation(e);
                }

                return;
            case TelnetCommandReceivedEvent e:
                AddLine(LineKind.System, $"telnet {e.Command} from the server", e.Timestamp);
                return;
            case WarningEvent e:
                AddLine(LineKind.Warning, e.Message, e.Timestamp);
                return;
            case InfoEvent e:
                AddLine(LineKind.System, e.Message, e.Timestamp);
                return;
            case ClosedEvent e:
                OnClosed(e, mine);
                return;
        }
    }

    private void OnLineSent(LineSentEvent e, SessionUpdate u, bool mine)
    {
        if (!e.Hidden && !u.Masked && _controller.Options is { } options)
        {
            // LineSentEvent carries text only: the bytes are rebuilt as Session.SendLineAsync encodes them (before
            // telnet IAC doubling). Hidden and masked lines never reach the hex view.
            var ending = options.LineEnding switch { Core.Sessions.LineEnding.Lf => "\n", Core.Sessions.LineEnding.Cr => "\r", _ => "\r\n" };
            Traffic.Append(ByteDirection.Out, options.Encoding.GetBytes(e.Text + ending), e.Timestamp);
        }

        if (LocalEcho)
        {
            AddLine(e.Hidden ? LineKind.Hidden : LineKind.Sent, e.Hidden ? $"[{e.Length} characters hidden]" : e.Text, e.Timestamp);
        }
    }

    private void OnNegotiation(NegotiationChangedEvent e)
    {
        var wasChar = CharMode;
        _serverCharMode = e.CharacterMode;
        _remoteEcho = _controller.Session?.RemoteEcho ?? false;
        // The server echoes and a password may follow: what is typed is not shown in clear.
        Input.Secret = _remoteEcho && !CharMode;
        if (wasChar != CharMode)
        {
            OnCharModeChanged();
        }
    }

    /// <summary>Forces character or line mode, or (null) follows the server again (telnet prompt "mode").</summary>
    internal void SetCharacterMode(bool? forced)
    {
        var wasChar = CharMode;
        _charModeOverride = forced;
        if (wasChar != CharMode)
        {
            OnCharModeChanged();
        }

        RefreshStatus();
    }

    private void OnCharModeChanged()
    {
        AddLine(LineKind.System, CharMode
            ? "character mode: keys go to the server as typed (Ctrl+] for the command prompt)"
            : "line mode");
        // Nothing typed in character mode is shown locally: the input line steps aside.
        Input.ReadOnly = CharMode;
        _prompt.Text = CharMode ? "[char mode] " : PromptText();
        Output.Refresh();
    }

    private void OnClosed(ClosedEvent e, bool mine)
    {
        if (e.Failure is null)
        {
            AddLine(LineKind.System, $"connection closed: {e.Reason}", e.Timestamp);
        }
        else
        {
            AddLine(LineKind.Error, $"connection failed: {e.Reason} — Ctrl+R to reconnect", e.Timestamp);
        }

        if (mine)
        {
            _state = e.Failure is null ? LinkState.Closed : LinkState.Failed;
            _reason = e.Reason;
            var wasChar = CharMode;
            _serverCharMode = false;
            if (wasChar != CharMode)
            {
                OnCharModeChanged();
            }

            _remoteEcho = false;
            Input.Secret = false;
        }
    }

    /// <summary>Adds a non-received line (system, sent, error…). Its text may quote the server (a close reason, a
    /// certificate subject), so it is escaped like received text. Received text continues on a fresh line after it.</summary>
    internal void AddLine(LineKind kind, string text, DateTimeOffset? at = null)
    {
        foreach (var part in ControlEscaper.Escape(text).Split('\n'))
        {
            _lines.Append(kind, part, [], at ?? DateTimeOffset.Now);
        }
    }

    /// <summary>Adds a line and redraws now (for messages outside a batch).</summary>
    internal void Say(LineKind kind, string text)
    {
        AddLine(kind, text);
        Output.Refresh();
    }
}
