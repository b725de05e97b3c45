using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Smtp.Profile;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Profile;

/// <summary>A session with the SMTP profile attached, driven like the headless runner drives it.</summary>
internal sealed class SmtpProfileHarness : IAsyncDisposable
{
    private IProfileSession? _profile;

    public SmtpProfileHarness(int port, bool interactive = false, SmtpProfileOptions? options = null, string? caFile = null)
    {
        var sessionOptions = new SessionOptions("127.0.0.1", port)
        {
            Mode = SessionMode.Raw,
            UpgradeTls = caFile is null ? null : new TlsOptions("localhost", CaFile: caFile),
        };
        var profile = new SmtpProfile(options ?? new SmtpProfileOptions(EhloName: "client.test"));
        Driver = new SessionDriver(
            sessionOptions,
            s => _profile = SessionContext.Attach(profile, s, interactive),
            e => _profile?.OnEvent(e));
        CaFile = caFile;
    }

    public string? CaFile { get; }

    public SessionDriver Driver { get; }

    public IProfileSession Profile => _profile!;

    public IEnumerable<string> Annotations => Driver.Events.OfType<AnnotationEvent>().Select(a => a.Text);

    public async Task SendAllAsync(params string[] lines)
    {
        foreach (var line in lines)
        {
            if (Profile.Review(line) is SubmitReview.SendLine)
            {
                await Profile.SubmitAsync(line, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            }
        }

        await Profile.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    public Task WaitForAnnotationAsync(string fragment) =>
        Driver.WaitForAsync(_ => Annotations.Any(a => a.Contains(fragment, StringComparison.Ordinal)), $"annotation '{fragment}'");

    public ValueTask DisposeAsync() => Driver.DisposeAsync();
}
