using System.CommandLine;
using NetTerm.Cli.Headless;

namespace NetTerm.Cli.Commands;

/// <summary>`netterm smtp send`: a whole SMTP transaction from the command line, like swaks, with a transcript in
/// swaks's legend, `--json`, and an exit code per failing stage.</summary>
internal sealed class SmtpSendCommand : Command
{
    public SmtpSendCommand(ConsoleStreams console, Func<string, string?> getEnv)
        : base("send", "Send a message in one command (like swaks): transcript, --json, an exit code per stage")
    {
        var o = new SmtpSendOptions();
        foreach (var option in o.All)
        {
            Options.Add(option);
        }

        SetAction((pr, ct) => new SmtpSendAction(console, getEnv).RunAsync(pr, o, ct));
    }
}
