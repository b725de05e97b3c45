using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;

namespace NetTerm.Tui;

/// <summary>A host, port, mode and TLS choice: what the connect dialog asks for and a saved session holds.</summary>
/// <param name="Mode">One of <see cref="TuiLaunch.Modes"/> ("auto", "raw", "telnet", later "smtp").</param>
public sealed record ConnectTarget(string Host, int Port, string Mode, bool Tls);

/// <summary>
/// What the composition root hands the TUI. The TUI never knows a profile type or a mode's meaning: it asks
/// <see cref="OptionsFor"/> and <see cref="ProfileFor"/>, so a new profile (SMTP) is one more entry in <see cref="Modes"/>.
/// </summary>
/// <param name="Session">Connect to this at start; null opens the connect dialog.</param>
/// <param name="Target">The target <paramref name="Session"/> was built from (its mode name); null with no session.</param>
/// <param name="OptionsFor">Session options for a target chosen in the connect dialog (the command line's other
/// options, such as --ca or --lf, still apply).</param>
/// <param name="ProfileFor">The profile for a target.</param>
/// <param name="Modes">Mode names offered by the connect dialog, the first being the default.</param>
/// <param name="LogFile">Transcript file (--log); null for none.</param>
/// <param name="ScrollbackLines">Line cap of the output pane (--scrollback).</param>
public sealed record TuiLaunch(
    SessionOptions? Session,
    ConnectTarget? Target,
    Func<ConnectTarget, SessionOptions> OptionsFor,
    Func<ConnectTarget, IProfile> ProfileFor,
    IReadOnlyList<string> Modes,
    string? LogFile,
    int ScrollbackLines = 100_000)
{
    /// <summary>How <see cref="LogFile"/> is written (--log-format text|jsonl).</summary>
    public Core.Transcripts.TranscriptFormat LogFormat { get; init; }

    /// <summary>What Backspace sends in character mode (--backspace del|ctrl-h).</summary>
    public BackspaceKey Backspace { get; init; } = BackspaceKey.Delete;

    /// <summary>NO_COLOR is set: draw with no colours at all.</summary>
    public bool NoColor { get; init; }

    /// <summary>Saved sessions for the connect dialog's list (empty until a session store is wired in).</summary>
    public Func<IReadOnlyList<ConnectTarget>> SavedSessions { get; init; } = static () => [];

    /// <summary>Where each target's input history is kept across runs, and under which name; null keeps history
    /// in memory only (tests, embedding).</summary>
    public HistoryPersistence? History { get; init; }

    /// <summary>Saves the current target ("Save session") and says where; null hides the menu entry.</summary>
    public Func<ConnectTarget, string>? SaveSession { get; init; }
}
