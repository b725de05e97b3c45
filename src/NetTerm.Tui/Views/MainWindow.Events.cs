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
    public bool LocalEcho
    {
        get => _output.LocalEcho;
        set => _output.LocalEcho = value;
    }

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

    /// <summary>Applies a batch of state changes (the pump has already recorded their lines in the
    /// <see cref="OutputModel"/>); a drain applies several within one main-loop iteration, then <see cref="OnDrained"/>
    /// refreshes once, so a burst costs one redraw per frame.</summary>
    private void ApplyBatch(IReadOnlyList<SessionUpdate> batch)
    {
        var current = _controller.Generation;
        foreach (var u in batch)
        {
            if (u.Generation != current)
            {
                continue; // an earlier connection's: its lines are recorded, its state is gone
            }

            Apply(u.Event);
            if (_controller.Profile is { } profile)
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

    /// <summary>What an event of the current connection changes in the UI's state; its lines are already recorded.</summary>
    private void Apply(SessionEvent e)
    {
        switch (e)
        {
            case ConnectedEvent connected:
                _state = LinkState.Connected;
                _connectedAt = connected.Timestamp;
                ShowTelnetMenu(connected.Mode == SessionMode.Telnet);
                return;
            case ModeDetectedEvent detected:
                ShowTelnetMenu(detected.Mode == SessionMode.Telnet);
                return;
            case TlsEstablishedEvent tls:
                _tls = tls.Certificate;
                return;
            case NegotiationChangedEvent negotiation:
                OnNegotiation(negotiation);
                return;
            case ClosedEvent closed:
                OnClosed(closed);
                return;
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

    private void OnClosed(ClosedEvent e)
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

    /// <summary>Adds a non-received line (see <see cref="OutputModel.AddLine"/>).</summary>
    internal void AddLine(LineKind kind, string text, DateTimeOffset? at = null) => _output.AddLine(kind, text, at);

    /// <summary>Adds a line and redraws now (for messages outside a batch).</summary>
    internal void Say(LineKind kind, string text)
    {
        AddLine(kind, text);
        Output.Refresh();
    }
}
