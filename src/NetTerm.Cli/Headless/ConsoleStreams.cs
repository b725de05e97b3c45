namespace NetTerm.Cli.Headless;

/// <summary>The process's standard streams, injectable so the CLI is testable without a console.</summary>
/// <param name="OutputIsRedirected">stdout is a pipe or file: never emit escape sequences of our own there.</param>
internal sealed record ConsoleStreams(Stream Input, Stream Output, TextWriter Error, bool OutputIsRedirected)
{
    /// <summary>Where --help and --version go (stdout).</summary>
    public TextWriter HelpOutput { get; init; } = Console.Out;

    /// <summary>stdin and stdout are both terminals: the full-screen client can run.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>stdin is a terminal (stdout may be redirected): a password can be typed without echo, and a
    /// question can be asked.</summary>
    public bool InputIsTerminal { get; init; }
}
