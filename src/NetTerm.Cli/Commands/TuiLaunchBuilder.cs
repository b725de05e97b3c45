using System.CommandLine;
using System.Globalization;
using NetTerm.Cli.Composition;
using NetTerm.Core.Persistence;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;
using NetTerm.Tui;

namespace NetTerm.Cli.Commands;

/// <summary>Maps the parse result to a <see cref="TuiLaunch"/>: the same options as headless, plus the mode list and
/// profile chooser the TUI must not know itself (so the SMTP profile is one more entry here).</summary>
internal static class TuiLaunchBuilder
{
    /// <param name="sessionName">The saved session being opened (--session), whose name its history is kept under.</param>
    public static TuiLaunch Build(
        ParseResult pr, ConnectionOptions o, ConnectRequest? request, string? mode, Func<string, string?> getEnv, string? sessionName = null)
    {
        var scrollback = pr.GetValue(o.Scrollback);
        if (scrollback is < 100 or > 10_000_000)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--scrollback must be between 100 and 10000000 lines (got {scrollback})"));
        }

        SessionOptions OptionsFor(ConnectTarget t)
        {
            try
            {
                return ConnectRequestBuilder.Build(pr, o, t.Host, t.Port.ToString(CultureInfo.InvariantCulture), 23, getEnv, null, t.Mode, t.Tls).Session;
            }
            catch (UsageException ex)
            {
                // The TUI shows it; it does not know the CLI's exception types.
                throw new ArgumentException(ex.Message, ex);
            }
        }

        var session = request?.Session;
        return new TuiLaunch(
            session,
            session is null ? null : new ConnectTarget(session.Host, session.Port, mode ?? pr.GetValue(o.Mode) ?? "auto", session.Tls is not null),
            OptionsFor,
            t => ProfileCatalog.Create(ProfileCatalog.Resolve(t.Mode, t.Port), allowPlaintextAuth: false, ConnectRequestBuilder.ReplyTimeout(pr, o)),
            ProfileCatalog.Modes,
            request?.LogFile ?? pr.GetValue(o.Log)?.FullName,
            scrollback)
        {
            LogFormat = request?.LogFormat ?? ConnectRequestBuilder.LogFormat(pr, o, null),
            Backspace = pr.GetValue(o.Backspace) == "ctrl-h" ? BackspaceKey.ControlH : BackspaceKey.Delete,
            SavedSessions = () => ListSaved(getEnv),
            SaveSession = t => Save(t, OptionsFor(t), request?.LogFile ?? pr.GetValue(o.Log)?.FullName,
                request?.LogFormat ?? ConnectRequestBuilder.LogFormat(pr, o, null), getEnv),
            NoColor = !string.IsNullOrEmpty(getEnv("NO_COLOR")),
            History = new HistoryPersistence(
                new HistoryStore(ConfigPaths.Resolve(getEnv).HistoryDirectory),
                t => sessionName is not null && session is not null && t.Host == session.Host && t.Port == session.Port ? sessionName : NameFor(t)),
        };
    }

    /// <summary>"mail.example.com-25": the name "Save session" stores a target under, and its history's name.</summary>
    private static string NameFor(ConnectTarget t) =>
        new([.. $"{t.Host}-{t.Port}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);

    private static IReadOnlyList<ConnectTarget> ListSaved(Func<string, string?> getEnv)
    {
        try
        {
            return [.. SavedSessionLookup.OpenStore(getEnv).List()
                .Where(l => l.Session is not null)
                .Select(l => new ConnectTarget(l.Session!.Host, l.Session.Port, l.Session.Mode, l.Session.Tls))];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Stores the target under a name made from it ("mail.example.com-25"), with the options in force.</summary>
    private static string Save(ConnectTarget t, SessionOptions options, string? logFile, TranscriptFormat logFormat, Func<string, string?> getEnv)
    {
        var name = NameFor(t);
        var store = SavedSessionLookup.OpenStore(getEnv);
        store.Save(SavedSession.FromSessionOptions(name, options, logFile, TranscriptSinks.Name(logFormat)) with { Mode = t.Mode, Tls = t.Tls });
        return $"'{name}' in {store.Directory} (open it with netterm --session {name})";
    }
}
