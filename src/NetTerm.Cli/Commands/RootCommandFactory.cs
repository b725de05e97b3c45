using System.CommandLine;
using NetTerm.Cli.Headless;
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
            "NetTerm: talk to network services by hand. Raw TCP, telnet or assisted SMTP to any host:port, with optional TLS. "
            + "A host named like a command (smtp, sandbox, sessions, mx, auth-plain, auth-login) is reached with `netterm -- smtp 25`.")
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
        root.Validators.Add(r => ConnectAction.RejectOptionLikePositionals(r, r.GetValue(host), r.GetValue(port)));
        var connect = new ConnectAction(run, getEnv, console, tui);
        root.SetAction((pr, ct) => connect.RunAsync(pr, options, pr.GetValue(host), pr.GetValue(port), 23, null, ct));
        root.Subcommands.Add(new SmtpCommand(connect, console, getEnv));
        root.Subcommands.Add(new SandboxCommand(console));
        root.Subcommands.Add(new Auth.AuthPlainCommand(console));
        root.Subcommands.Add(new Auth.AuthLoginCommand(console));
        // "Connect?" in `mx` runs `smtp HOST` through this same root, exactly as if typed.
        root.Subcommands.Add(new Mx.MxCommand(console, (args, ct) => root.Parse(args).InvokeAsync(
            new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = console.HelpOutput }, ct)));
        CommandHelp.Install(root);
        return root;
    }
}
