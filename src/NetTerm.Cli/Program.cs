using System.CommandLine;
using System.Runtime.InteropServices;
using NetTerm.Cli.Commands;
using NetTerm.Cli.Headless;

namespace NetTerm.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var console = new ConsoleStreams(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error,
            Console.IsOutputRedirected)
        {
            IsTerminal = !Console.IsInputRedirected && !Console.IsOutputRedirected,
            InputIsTerminal = !Console.IsInputRedirected,
        };
        // SIGINT and SIGTERM cancel the command, which ends as it would on its own (headless: the transcript closed,
        // exit 130; full screen: Terminal.Gui restores the terminal). System.CommandLine's own handling is off
        // (Cli.RunAsync): it ended the process as soon as the command returned, cutting off the terminal restore.
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
            // A safety net for a step that does not observe the token: the signal still ends the process.
            _ = Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => Environment.Exit(130), TaskScheduler.Default);
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        return await Cli.RunAsync(args, console, Environment.GetEnvironmentVariable, stop.Token).ConfigureAwait(false);
    }
}
