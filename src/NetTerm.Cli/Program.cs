using System.CommandLine;
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
        return await Cli.RunAsync(args, console, Environment.GetEnvironmentVariable, CancellationToken.None)
            .ConfigureAwait(false);
    }
}
