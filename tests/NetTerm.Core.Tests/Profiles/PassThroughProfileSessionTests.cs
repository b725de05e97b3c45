using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Profiles;

public sealed class PassThroughProfileSessionTests
{
    [Fact]
    public async Task Reproduce_TypedLines_HeadlessCommandReadingThemAndMaskedLinesLeftOut()
    {
        await using var server = LoopbackEchoServer.Start();
        IProfileSession? profile = null;
        var options = new SessionOptions("127.0.0.1", server.Port)
        {
            Mode = SessionMode.Raw,
            LineEnding = LineEnding.Lf,
            UpgradeTls = new TlsOptions("localhost", Sni: "mx.test", Insecure: true),
        };
        await using var driver = new SessionDriver(options, s => profile = SessionContext.Attach(PassThroughProfile.Raw, s, interactive: true), e => profile?.OnEvent(e));
        Assert.True(await driver.Session.Connected);

        await profile!.SubmitAsync("GET / HTTP/1.0", CancellationToken.None);
        await driver.Session.SendLineAsync("secret", "****", CancellationToken.None);
        await profile.SubmitAsync("it's done", CancellationToken.None);
        await driver.WaitForTextAsync("it's done\n");

        var script = profile.Reproduce(options, "s-")!;

        Assert.Equal($"netterm --no-tui --mode raw --insecure --sni mx.test --lf 127.0.0.1 {server.Port} < s-input.txt", script.Command);
        var input = Assert.Single(script.Files);
        Assert.Equal("GET / HTTP/1.0\nit's done\n", input.Content);
        Assert.Contains(script.Notes, n => n.StartsWith("1 line(s)", StringComparison.Ordinal));
    }
}
