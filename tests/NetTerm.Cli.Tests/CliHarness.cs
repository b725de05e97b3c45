using System.Text;
using NetTerm.Cli.Headless;

namespace NetTerm.Cli.Tests;

/// <summary>Runs the real command line in-process with byte-exact stdin/stdout and a captured stderr.</summary>
internal static class CliHarness
{
    public sealed record Result(int ExitCode, byte[] Stdout, string Stderr, string Help)
    {
        public string Text => Encoding.UTF8.GetString(Stdout);
    }

    public static Task<Result> RunAsync(string stdin, params string[] args) =>
        RunAsync(Encoding.UTF8.GetBytes(stdin), null, args);

    public static async Task<Result> RunAsync(byte[] stdin, Dictionary<string, string>? env, params string[] args)
    {
        using var input = new MemoryStream(stdin);
        using var output = new MemoryStream();
        using var error = new StringWriter();
        using var help = new StringWriter();
        var console = new ConsoleStreams(input, output, error, OutputIsRedirected: true) { HelpOutput = help };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var code = await global::NetTerm.Cli.Cli.RunAsync(args, console, name => env?.GetValueOrDefault(name), cts.Token);
        return new Result(code, output.ToArray(), error.ToString(), help.ToString());
    }
}
