using System.CommandLine;
using NetTerm.Cli.Headless;

namespace NetTerm.Cli.Commands;

/// <summary>`netterm smtp HOST [PORT]`: the assisted SMTP session. Port 25 by default; 465 means implicit TLS.
/// Every connection and headless option of the root command applies here too.</summary>
internal sealed class SmtpCommand : Command
{
    public SmtpCommand(ConnectAction connect, ConsoleStreams console, Func<string, string?> getEnv)
        : base("smtp", "Assisted SMTP session: completion, annotated replies, STARTTLS, AUTH helpers, DATA mode")
    {
        var options = new ConnectionOptions();
        var host = new Argument<string?>("host")
        {
            Description = "Mail server: name, IPv4 or IPv6 address",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var port = new Argument<string?>("port")
        {
            Description = "TCP port (default 25; 465 means implicit TLS, 587 is submission)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var sandbox = new Option<bool>("--sandbox")
        {
            Description = "Start the embedded SMTP sandbox on a free port and connect to it (see 'netterm sandbox')",
        };
        Options.Add(sandbox);
        Subcommands.Add(new SmtpSendCommand(console, getEnv));
        Arguments.Add(host);
        Arguments.Add(port);
        foreach (var option in options.All)
        {
            if (option != options.Mode)
            {
                Options.Add(option);
            }
        }

        Validators.Add(r => ConnectAction.RejectOptionLikePositionals(r, r.GetValue(host), r.GetValue(port)));
        SetAction((pr, ct) => pr.GetValue(sandbox)
            ? SmtpSandboxAction.RunAsync(connect, console, pr, options, pr.GetValue(host), pr.GetValue(port), ct)
            : connect.RunAsync(pr, options, pr.GetValue(host), pr.GetValue(port), 25, "smtp", ct));
    }
}
