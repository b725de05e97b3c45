using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;

namespace NetTerm.Cli.Commands;

/// <summary>Help that describes a subcommand on its own. System.CommandLine's default usage and argument sections
/// include every ancestor's arguments, so `netterm smtp --help` listed the root's host (default port 23) beside
/// smtp's own: wrong for a user, since root arguments before a subcommand are ignored.</summary>
internal static class CommandHelp
{
    /// <summary>Installs the help on the root's (recursive) help option.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Action = new SubcommandAwareHelp(help.Action);
        }
    }

    /// <summary>A subcommand's default help text with its usage line and its
    /// arguments section rebuilt from the command's own arguments. (HelpBuilder and HelpContext, which a custom
    /// layout needs, are internal in System.CommandLine 3.0.0, so the default text is patched instead.)</summary>
    internal static string Patch(Command command, string text)
    {
        var lines = text.Split('\n').ToList();
        var usage = lines.FindIndex(l => l.TrimEnd('\r') == "Usage:");
        if (usage >= 0 && usage + 1 < lines.Count)
        {
            lines[usage + 1] = "  " + UsageLine(command);
        }

        var arguments = lines.FindIndex(l => l.TrimEnd('\r') == "Arguments:");
        if (arguments >= 0)
        {
            var end = lines.FindIndex(arguments, l => l.TrimEnd('\r').Length == 0);
            lines.RemoveRange(arguments + 1, (end < 0 ? lines.Count : end) - arguments - 1);
            var rows = ArgumentRows(command).ToList();
            if (rows.Count == 0)
            {
                lines.RemoveRange(arguments, Math.Min(2, lines.Count - arguments)); // the header and its blank line
            }
            else
            {
                lines.InsertRange(arguments + 1, rows);
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>`netterm smtp [<host> [<port>]] [command] [options]`: the command path, then only this command's
    /// own arguments.</summary>
    internal static string UsageLine(Command command)
    {
        var path = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
        {
            path.Insert(0, c is RootCommand root ? root.HelpName ?? "netterm" : c.Name);
        }

        var line = new StringBuilder(string.Join(' ', path));
        var open = 0;
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            var label = "<" + (argument.HelpName ?? argument.Name) + ">";
            if (argument.Arity.MinimumNumberOfValues == 0)
            {
                line.Append(" [").Append(label);
                open++;
            }
            else
            {
                line.Append(' ').Append(label);
            }
        }

        line.Append(']', open);
        if (command.Subcommands.Any(c => !c.Hidden))
        {
            line.Append(" [command]");
        }

        return line.Append(" [options]").ToString(); // --help at least
    }

    private static IEnumerable<string> ArgumentRows(Command command)
    {
        var own = command.Arguments.Where(a => !a.Hidden)
            .Select(a => (Label: "<" + (a.HelpName ?? a.Name) + ">", Text: a.Description ?? string.Empty))
            .ToList();
        var width = own.Count == 0 ? 0 : own.Max(r => r.Label.Length) + 2;
        return own.Select(r => "  " + r.Label.PadRight(width) + r.Text);
    }

    private sealed class SubcommandAwareHelp(CommandLineAction? fallback) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var command = parseResult.CommandResult.Command;
            if (fallback is not SynchronousCommandLineAction original)
            {
                return 0;
            }

            if (command is RootCommand)
            {
                return original.Invoke(parseResult);
            }

            var output = parseResult.InvocationConfiguration.Output;
            using var text = new StringWriter();
            parseResult.InvocationConfiguration.Output = text;
            try
            {
                original.Invoke(parseResult);
            }
            finally
            {
                parseResult.InvocationConfiguration.Output = output;
            }

            output.Write(Patch(command, text.ToString()));
            return 0;
        }
    }
}
