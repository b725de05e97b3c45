using System.CommandLine;
using System.CommandLine.Invocation;
using NetTerm.Cli.Commands;
using NetTerm.Cli.Headless;

namespace NetTerm.Cli;

/// <summary>The composition root: builds the commands, parses, runs, and turns every failure into one line and a
/// documented exit code.</summary>
internal static class Cli
{
    /// <summary>The only place the CLI touches the TUI; a transcript that cannot be opened is a usage error, as headless.</summary>
    private static async Task<int> RunTuiAsync(Tui.TuiLaunch launch, CancellationToken ct)
    {
        if (launch.LogFile is { } log)
        {
            try
            {
                // Fail before the screen switches, with the same message as headless.
                await File.AppendAllTextAsync(log, string.Empty, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot open log file: {Core.Text.Messages.OneLine(ex.Message)}");
            }
        }

        return await Tui.TuiHost.RunAsync(launch, ct).ConfigureAwait(false);
    }

    public static async Task<int> RunAsync(
        string[] args, ConsoleStreams console, Func<string, string?> getEnv, CancellationToken ct)
    {
        var verbose = args.Contains("--verbose") || args.Contains("-v");
        var root = RootCommandFactory.Create(
            (request, token) => new HeadlessRunner(request, console).RunAsync(token),
            getEnv,
            console,
            console.IsTerminal ? new TuiRunner(() => true, RunTuiAsync) : null);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"netterm: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Try 'netterm --help'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    EnableDefaultExceptionHandler = false,
                    Output = console.HelpOutput,
                    // Program handles SIGINT/SIGTERM through the token: see there.
                    ProcessTerminationTimeout = null,
                },
                ct).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await console.Error.WriteLineAsync($"netterm: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await console.Error.WriteLineAsync(verbose ? $"netterm: {ex}" : $"netterm: internal error: {ex.Message}")
                .ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
