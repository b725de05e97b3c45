using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;

namespace NetTerm.Core.Profiles;

internal sealed class PassThroughProfileSession : IProfileSession
{
    /// <summary>Bounds what "Export…" keeps of the typed lines.</summary>
    private const int MaxRecordedLines = 10_000;

    private readonly ISessionContext _context;
    private readonly List<string> _sent = [];
    private int _hidden;
    private int _dropped;

    public PassThroughProfileSession(ISessionContext context) => _context = context;

    /// <summary>Follows the session: an auto-mode connection shows "raw" or "telnet" once it has decided.</summary>
    public string PromptLabel => _context.Mode.ToString().ToLowerInvariant();

    public IReadOnlyList<PanelSection> Panel => [];

    public IReadOnlyList<Banner> Banners => [];

    public IReadOnlyList<ProfileAction> Actions => [];

    public ISecretRedactor? Redactor => null;

    public ProfileResult Result => ProfileResult.Ok;

    public event EventHandler? Changed
    {
        add { }
        remove { }
    }

    public IReadOnlyList<Completion> Complete(string input, int caret) => [];

    public SubmitReview Review(string line) => SubmitReview.Send;

    public Task SubmitAsync(string line, CancellationToken ct) => _context.SendLineAsync(line, null, ct);

    public void OnEvent(SessionEvent e)
    {
        switch (e)
        {
            case LineSentEvent { Hidden: true } or LineSentEvent { Redacted: true }:
                _hidden++;
                break;
            case LineSentEvent sent when _sent.Count < MaxRecordedLines:
                _sent.Add(sent.Text);
                break;
            case LineSentEvent:
                _dropped++;
                break;
        }
    }

    /// <summary>`netterm --no-tui` with the lines typed so far as its input file: headless mode sends stdin lines
    /// as typed lines, so the same conversation happens again (as fast as the server answers).</summary>
    public ReproduceScript? Reproduce(SessionOptions options, string filePrefix)
    {
        ArgumentNullException.ThrowIfNull(options);
        var input = filePrefix + "input.txt";
        var words = new List<string> { "netterm", "--no-tui", "--mode", _context.Mode == SessionMode.Telnet ? "telnet" : "raw" };
        words.AddRange(ReproduceArguments.Tls(options, withSni: true));
        words.AddRange(options.LineEnding switch { LineEnding.Lf => ["--lf"], LineEnding.Cr => ["--cr"], _ => [] });
        words.Add(options.Host);
        words.Add(options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var notes = new List<string>();
        if (_hidden > 0)
        {
            notes.Add($"{_hidden} line(s) typed while the server had echo off (passwords) are not in {input}: add them by hand.");
        }

        if (_dropped > 0)
        {
            notes.Add($"only the first {MaxRecordedLines} typed lines were kept; {_dropped} more are not in {input}.");
        }

        var content = string.Concat(_sent.Select(l => l + "\n"));
        return new ReproduceScript(Text.ShellWords.Join(words) + " < " + Text.ShellWords.Quote(input), [new ReproduceFile(input, content)], notes);
    }

    public Task DrainAsync(CancellationToken ct) => Task.CompletedTask;

    public InboundDecision OnInbound(ReadOnlySpan<byte> data) => InboundDecision.All(data.Length);
}
