using System.CommandLine;
using NetTerm.Cli.Headless;
using NetTerm.Core.Persistence;
using NetTerm.Tui;

namespace NetTerm.Cli.Commands;

/// <summary>Declares `netterm [HOST [PORT]]`, `netterm --session NAME`, `netterm sessions` and their options. Free of Terminal.Gui so the two `Command` types never meet.</summary>
internal static class RootCommandFactory
{
    /// <param name="run">Runs a headless request.</param>
    /// <param name="getEnv">Environment lookup.</param>
    /// <param name="console">The standard streams (`sessions` prints there; notices go to stderr).</param>
    /// <param name="tui">Runs the full-screen client, and says whether it can run here (stdin and stdout are
    /// terminals); null means never (tests, embedding).</param>
    public static RootCommand Create(
        Func<ConnectRequest, CancellationToken, Task<int>> run,
        Func<string, string?> getEnv,
        ConsoleStreams console,
        TuiRunner? tui = null)
    {
        var options = new ConnectionOptions();
        var host = new Argument<string?>("host")
        {
            Description = "Host name, IPv4 or IPv6 address ([::1]:23 and host:port work too)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var port = new Argument<string?>("port")
        {
            Description = "TCP port (default 23)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var root = new RootCommand(
            "NetTerm: talk to network services by hand. Raw TCP or telnet to any host:port, with optional TLS.")
        {
            host,
            port,
            new SessionsCommand(() => SavedSessionLookup.OpenStore(getEnv), console),
        };
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        root.HelpName = "netterm";
        // With an optional positional, a mistyped option ("--tsl") would silently become the host.
        root.Validators.Add(r =>
        {
            foreach (var token in new[] { r.GetValue(host), r.GetValue(port) })
            {
                if (token is { Length: > 1 } t && t[0] == '-' && t != "-")
                {
                    r.AddError($"unknown option '{t}' (see --help)");
                }
            }
        });
        root.SetAction(async (pr, ct) =>
        {
            var hostText = pr.GetValue(host);
            var interactive = !pr.GetValue(options.NoTui) && tui is not null && tui.CanRun();
            SavedSession? saved = null;
            if (pr.GetValue(options.Session) is { } name)
            {
                if (hostText is not null)
                {
                    throw new UsageException("--session and a HOST argument exclude each other: the session names the host");
                }

                saved = SavedSessionLookup.Find(SavedSessionLookup.OpenStore(getEnv), name);
            }

            if (hostText is null && saved is null)
            {
                if (!interactive)
                {
                    throw new UsageException("a host is required: netterm HOST [PORT] (without one, netterm opens its connect dialog in a terminal)");
                }

                return await tui!.Run(TuiLaunchBuilder.Build(pr, options, null, getEnv), ct).ConfigureAwait(false);
            }

            var request = ConnectRequestBuilder.Build(pr, options, hostText, pr.GetValue(port), 23, getEnv, saved);
            if (interactive && !request.Binary)
            {
                return await tui!.Run(TuiLaunchBuilder.Build(pr, options, request, getEnv), ct).ConfigureAwait(false);
            }

            if (!request.NoTui && !request.Binary && !request.Quiet)
            {
                await console.Error.WriteLineAsync("netterm: stdin or stdout is not a terminal; running as --no-tui").ConfigureAwait(false);
            }

            return await run(request with { NoTui = true }, ct).ConfigureAwait(false);
        });
        return root;
    }
}
