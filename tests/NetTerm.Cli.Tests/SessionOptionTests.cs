using System.CommandLine;
using System.Text;
using NetTerm.Cli.Commands;
using NetTerm.Cli.Headless;
using NetTerm.Core.Persistence;
using NetTerm.Core.Sessions;
using NetTerm.Testing;

namespace NetTerm.Cli.Tests;

/// <summary>`--session NAME` and `netterm sessions`. NETTERM_CONFIG_DIR reaches the CLI through its env lookup, so
/// these tests run in parallel with everything else without touching process-wide variables.</summary>
public sealed class SessionOptionTests : IDisposable
{
    private readonly TempDirectory _config = new();
    private readonly SessionStore _store;
    private readonly Dictionary<string, string> _env;

    public SessionOptionTests()
    {
        _env = new Dictionary<string, string> { ["NETTERM_CONFIG_DIR"] = _config.Path };
        _store = new SessionStore(Path.Combine(_config.Path, "sessions"));
    }

    public void Dispose() => _config.Dispose();

    private SavedSession SaveWork()
    {
        var ca = _config.Combine("ca.pem");
        File.WriteAllText(ca, "not parsed before connecting");
        var work = new SavedSession("work", "mail.example.com", 465)
        {
            Mode = "telnet",
            Tls = true,
            CaFile = ca,
            Sni = "mx.example.com",
            LineEnding = "lf",
            LogFile = _config.Combine("work.log"),
            Charset = "latin1",
            TerminalType = "VT100",
        };
        _store.Save(work);
        return work;
    }

    /// <summary>Parses and runs the real root command, capturing the request instead of connecting.</summary>
    private async Task<ConnectRequest> BuildAsync(params string[] args)
    {
        ConnectRequest? captured = null;
        using var error = new StringWriter();
        var console = new ConsoleStreams(Stream.Null, Stream.Null, error, OutputIsRedirected: true);
        var root = RootCommandFactory.Create(
            (request, _) =>
            {
                captured = request;
                return Task.FromResult(0);
            },
            name => _env.GetValueOrDefault(name),
            console);

        var parse = root.Parse(args);
        Assert.Empty(parse.Errors);
        Assert.Equal(0, await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
        return Assert.IsType<ConnectRequest>(captured);
    }

    private Task<CliHarness.Result> RunAsync(string stdin, params string[] args) =>
        CliHarness.RunAsync(Encoding.UTF8.GetBytes(stdin), _env, args);

    [Fact]
    public async Task Session_Saved_BuildsTheSavedOptions()
    {
        var work = SaveWork();

        var request = await BuildAsync("--session", "work");

        var s = request.Session;
        Assert.Equal(("mail.example.com", 465, SessionMode.Telnet), (s.Host, s.Port, s.Mode));
        Assert.NotNull(s.Tls);
        Assert.Equal(("mail.example.com", "mx.example.com", work.CaFile, false), (s.Tls.TargetHost, s.Tls.Sni, s.Tls.CaFile, s.Tls.Insecure));
        Assert.Equal(LineEnding.Lf, s.LineEnding);
        Assert.Equal("iso-8859-1", s.Encoding.WebName);
        Assert.Equal("VT100", s.TerminalType);
        Assert.Equal(work.LogFile, request.LogFile);
    }

    [Fact]
    public async Task Session_WithExplicitOptions_CommandLineWins()
    {
        SaveWork();
        var log = _config.Combine("override.log");

        var request = await BuildAsync(
            "--session", "work", "--mode", "raw", "--cr", "--charset", "cp437", "--ttype", "XTERM", "--sni", "other.example",
            "--insecure", "--log", log);

        var s = request.Session;
        Assert.Equal(("mail.example.com", 465, SessionMode.Raw), (s.Host, s.Port, s.Mode));
        Assert.Equal(("other.example", true), (s.Tls?.Sni, s.Tls?.Insecure));
        Assert.Equal(LineEnding.Cr, s.LineEnding);
        Assert.Equal(437, s.Encoding.CodePage);
        Assert.Equal("XTERM", s.TerminalType);
        Assert.Equal(log, request.LogFile);
    }

    [Fact]
    public async Task Session_SavedLogFormat_UsedUnlessTyped()
    {
        _store.Save(new SavedSession("j", "h", 25) { LogFile = _config.Combine("j.jsonl"), LogFormat = "jsonl" });

        var saved = await BuildAsync("--session", "j");
        var typed = await BuildAsync("--session", "j", "--log-format", "text");
        var plain = await BuildAsync("h", "25");

        Assert.Equal(Core.Transcripts.TranscriptFormat.JsonLines, saved.LogFormat);
        Assert.Equal(Core.Transcripts.TranscriptFormat.Text, typed.LogFormat);
        Assert.Equal(Core.Transcripts.TranscriptFormat.Text, plain.LogFormat);
    }

    [Fact]
    public async Task Session_TlsTurnedOnAndOff_OverridesTheSavedFlag()
    {
        _store.Save(new SavedSession("plain", "127.0.0.1", 2525) { Mode = "smtp" });
        SaveWork();

        var on = await BuildAsync("--session", "plain", "--tls");
        var off = await BuildAsync("--session", "work", "--tls", "false");

        Assert.Equal("127.0.0.1", on.Session.Tls?.TargetHost);
        Assert.Equal(SessionMode.Raw, on.Session.Mode);
        Assert.Null(off.Session.Tls);
    }

    [Fact]
    public async Task Session_OptionDefaultsNotTyped_DoNotMaskSavedValues()
    {
        _store.Save(new SavedSession("tn", "h", 23) { Charset = "cp850", TerminalType = "ANSI", Mode = "raw" });

        var request = await BuildAsync("--session", "tn", "--no-tui", "--wait", "3");

        Assert.Equal((850, "ANSI", SessionMode.Raw), (request.Session.Encoding.CodePage, request.Session.TerminalType, request.Session.Mode));
        Assert.True(request.NoTui);
        Assert.Equal(TimeSpan.FromSeconds(3), request.Wait);
        Assert.Null(request.LogFile);
    }

    [Fact]
    public async Task Session_UnknownName_ExitsTwoListingTheKnownNames()
    {
        _store.Save(new SavedSession("beta", "h", 1));
        _store.Save(new SavedSession("alpha", "h", 1));

        var result = await RunAsync(string.Empty, "--session", "gamma");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"netterm: --session: no saved session 'gamma'; saved sessions: alpha, beta{Environment.NewLine}", result.Stderr);
    }

    [Fact]
    public async Task Session_UnknownNameAndNoSessions_ExitsTwoNamingTheFolder()
    {
        var result = await RunAsync(string.Empty, "--session", "gamma");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"there are no saved sessions in {_store.Directory}", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--session work example.org", "--session and a HOST argument exclude each other")]
    [InlineData("--session ../etc/passwd", "--session: invalid session name '../etc/passwd'")]
    [InlineData("--session", "--session")]
    public async Task Session_BadUse_ExitsTwoWithOneLine(string args, string fragment)
    {
        SaveWork();

        var result = await RunAsync(string.Empty, args.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(fragment, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_CorruptFile_ExitsTwoNamingTheFile()
    {
        Directory.CreateDirectory(_store.Directory);
        var path = Path.Combine(_store.Directory, "broken.json");
        File.WriteAllText(path, "{ \"host\": ");

        var result = await RunAsync(string.Empty, "--session", "broken");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"netterm: --session: {path}: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Session_SavedCaFileMissing_ExitsTwo()
    {
        _store.Save(new SavedSession("gone", "h", 1) { Tls = true, CaFile = _config.Combine("missing.pem") });

        var result = await RunAsync(string.Empty, "--session", "gone");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"file not found: {_config.Combine("missing.pem")}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_EchoServer_ConnectsToTheSavedTarget()
    {
        await using var server = LoopbackEchoServer.Start();
        _store.Save(new SavedSession("echo", "127.0.0.1", server.Port) { Mode = "raw" });

        var result = await RunAsync("hello\n", "--no-tui", "--session", "echo");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello\n", result.Text);
    }

    [Fact]
    public async Task Sessions_Command_ListsNameTargetModeAndTlsSortedWithErrors()
    {
        SaveWork();
        _store.Save(new SavedSession("a", "::1", 2525) { Mode = "smtp" });
        _store.Save(new SavedSession("lab", "10.0.0.5", 23) { Tls = true, Insecure = true });
        File.WriteAllText(Path.Combine(_store.Directory, "zz.json"), "[]");

        var result = await RunAsync(string.Empty, "sessions");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("a     [::1]:2525            smtp    plain", lines[0]);
        Assert.Equal("lab   10.0.0.5:23           auto    tls-insecure", lines[1]);
        Assert.Equal("work  mail.example.com:465  telnet  tls", lines[2]);
        Assert.StartsWith("zz    error:                " + Path.Combine(_store.Directory, "zz.json") + ": ", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_Command_NoneSaved_SaysSoOnStderr()
    {
        var result = await RunAsync(string.Empty, "sessions");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("no saved sessions in " + _store.Directory, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ShowsSessionOptionAndSessionsCommand()
    {
        var result = await RunAsync(string.Empty, "--help");

        Assert.Contains("--session <name>", result.Help, StringComparison.Ordinal);
        Assert.Contains("sessions", result.Help.Split("Commands:")[1], StringComparison.Ordinal);
    }
}
