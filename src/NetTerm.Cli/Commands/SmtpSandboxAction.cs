using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using NetTerm.Cli.Headless;
using NetTerm.Core.Sessions;
using NetTerm.Smtp.Profile;
using NetTerm.Smtp.Sandbox;
using NetTerm.Tui;

namespace NetTerm.Cli.Commands;

/// <summary>`netterm smtp --sandbox`: starts the SMTP sandbox in-process on a free port, with its store in a new
/// temporary folder, connects the SMTP profile to it (the sandbox's certificate trusted for STARTTLS, the welcome
/// panel shown), and stops the sandbox when the session ends. The store is kept, and named on stderr.</summary>
internal static class SmtpSandboxAction
{
    public static async Task<int> RunAsync(
        ConnectAction connect, ConsoleStreams console, ParseResult pr, ConnectionOptions options, string? host, string? port, CancellationToken ct)
    {
        if (host is not null || port is not null)
        {
            throw new UsageException("--sandbox starts its own server: leave out HOST and PORT");
        }

        if (pr.GetValue(options.Session) is not null)
        {
            throw new UsageException("--sandbox and --session exclude each other");
        }

        var interactive = connect.IsInteractive(pr, options);
        var quiet = pr.GetValue(options.Quiet);
        var store = Directory.CreateTempSubdirectory("netterm-sandbox-").FullName;
        var gate = new object();
        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(
                new SandboxOptions(0, store),
                m =>
                {
                    // Nothing may write to the terminal under the full-screen client; its panel lists accepted messages.
                    if (!interactive && !quiet)
                    {
                        lock (gate)
                        {
                            console.Error.WriteLine($"netterm: sandbox: {SandboxInfo.Line(m)}");
                        }
                    }
                },
                ct).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            await console.Error.WriteLineAsync($"netterm: sandbox: cannot listen on 127.0.0.1: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (server.ConfigureAwait(false))
        {
            var info = server.Info;
            if (!interactive && !quiet)
            {
                await console.Error.WriteLineAsync(
                    $"netterm: sandbox on 127.0.0.1:{info.Endpoint.Port}: user {info.User}, password {info.Password}; "
                    + $"certificate SHA-256 {info.CertificateSha256}; store {info.StoreDirectory}").ConfigureAwait(false);
            }

            var profile = new SmtpProfile(new SmtpProfileOptions(
                AllowPlaintextAuth: pr.GetValue(options.AllowPlaintextAuth),
                Welcome: SandboxWelcome.Rows(info))
            {
                ReplyTimeout = ConnectRequestBuilder.ReplyTimeout(pr, options),
            });
            var overrides = new ConnectOverrides(
                r => r with { Session = TrustSandbox(r.Session, info), Profile = profile },
                l => l with
                {
                    OptionsFor = t => IsSandbox(t, info) ? TrustSandbox(l.OptionsFor(t), info) : l.OptionsFor(t),
                    ProfileFor = t => IsSandbox(t, info) ? profile : l.ProfileFor(t),
                    // The port is new each run: one history for every sandbox session, not a file per port.
                    History = l.History is { } h ? h with { NameFor = t => IsSandbox(t, info) ? "sandbox" : h.NameFor(t) } : null,
                });
            var code = await connect.RunAsync(
                pr, options, "127.0.0.1", info.Endpoint.Port.ToString(CultureInfo.InvariantCulture), 25, "smtp", overrides, ct)
                .ConfigureAwait(false);
            if (!quiet)
            {
                var count = Directory.EnumerateFiles(info.StoreDirectory, "*.eml").Count();
                await console.Error.WriteLineAsync($"netterm: sandbox stopped; {count} message(s) in {info.StoreDirectory}").ConfigureAwait(false);
            }

            return code;
        }
    }

    private static bool IsSandbox(ConnectTarget target, SandboxInfo info) =>
        target.Port == info.Endpoint.Port && target.Host is "127.0.0.1" or "localhost";

    /// <summary>STARTTLS verifies the sandbox's self-signed certificate as a CA of its own, for the name it was made for.</summary>
    private static SessionOptions TrustSandbox(SessionOptions session, SandboxInfo info) => session with
    {
        UpgradeTls = (session.UpgradeTls ?? new Core.Transport.TlsOptions("localhost")) with
        {
            TargetHost = "localhost",
            Sni = null,
            CaFile = info.CertificatePemPath,
            Insecure = false,
        },
    };
}
