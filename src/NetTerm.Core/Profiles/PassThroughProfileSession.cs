using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;

namespace NetTerm.Core.Profiles;

internal sealed class PassThroughProfileSession : IProfileSession
{
    private readonly ISessionContext _context;

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
    }

    public Task DrainAsync(CancellationToken ct) => Task.CompletedTask;

    public InboundDecision OnInbound(ReadOnlySpan<byte> data) => InboundDecision.All(data.Length);
}
