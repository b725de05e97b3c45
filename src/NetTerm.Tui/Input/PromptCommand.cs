using System.Globalization;
using NetTerm.Core.Sessions;
using NetTerm.Core.Telnet;

namespace NetTerm.Tui.Input;

/// <summary>A command typed at the Ctrl+] prompt, as telnet(1) has them. Parsed without a terminal.</summary>
internal abstract record PromptCommand
{
    public const string Help =
        "send ayt|ip|brk|ao|ec|el|ga|nop|synch   send a telnet command (also just: ayt, ip, …)\n"
        + "echo                                    toggle local echo of sent lines\n"
        + "crlf | lf | cr                          line ending (character-mode Enter; lines from the next connection)\n"
        + "mode char | line | auto                 force character or line mode, or follow the server\n"
        + "close | reconnect | open [host [port]] | quit";

    public sealed record Send(TelnetCommand Command) : PromptCommand;

    public sealed record ToggleEcho : PromptCommand;

    public sealed record SetEnding(LineEnding Ending) : PromptCommand;

    /// <summary>Null follows the server's negotiation.</summary>
    public sealed record SetMode(bool? CharMode) : PromptCommand;

    public sealed record Close : PromptCommand;

    public sealed record Reconnect : PromptCommand;

    public sealed record Open(string? Host, int? Port) : PromptCommand;

    public sealed record Quit : PromptCommand;

    public sealed record ShowHelp : PromptCommand;

    public sealed record Invalid(string Message) : PromptCommand;

    public static PromptCommand Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new Invalid("type a command, or ? for help");
        }

        if (words[0] == "send")
        {
            return words.Length == 2 && TelnetCommandFor(words[1]) is { } c ? new Send(c) : new Invalid("send what? ayt ip brk ao ec el ga nop synch");
        }

        if (TelnetCommandFor(words[0]) is { } direct && words.Length == 1)
        {
            return new Send(direct);
        }

        return words[0] switch
        {
            "echo" => new ToggleEcho(),
            "crlf" => new SetEnding(LineEnding.CrLf),
            "lf" => new SetEnding(LineEnding.Lf),
            "cr" => new SetEnding(LineEnding.Cr),
            "mode" when words.Length == 2 => words[1] switch
            {
                "char" or "character" => new SetMode(true),
                "line" => new SetMode(false),
                "auto" => new SetMode(null),
                _ => new Invalid("mode char, mode line or mode auto"),
            },
            "close" => new Close(),
            "reconnect" => new Reconnect(),
            "open" => ParseOpen(words),
            "quit" or "q" => new Quit(),
            "?" or "help" => new ShowHelp(),
            _ => new Invalid($"unknown command '{words[0]}' (? for help)"),
        };
    }

    private static PromptCommand ParseOpen(string[] words)
    {
        if (words.Length == 1)
        {
            return new Open(null, null);
        }

        if (words.Length == 2)
        {
            return new Open(words[1], null);
        }

        return int.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? new Open(words[1], port)
            : new Invalid("open HOST [PORT]: the port is a number from 1 to 65535");
    }

    private static TelnetCommand? TelnetCommandFor(string word) => word switch
    {
        "ayt" => TelnetCommand.AYT,
        "ip" => TelnetCommand.IP,
        "brk" or "break" => TelnetCommand.BRK,
        "ao" => TelnetCommand.AO,
        "ec" => TelnetCommand.EC,
        "el" => TelnetCommand.EL,
        "ga" => TelnetCommand.GA,
        "nop" => TelnetCommand.NOP,
        "synch" or "dm" => TelnetCommand.DM,
        _ => null,
    };
}
