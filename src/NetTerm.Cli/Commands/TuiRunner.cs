using NetTerm.Tui;

namespace NetTerm.Cli.Commands;

/// <summary>How the root command starts the full-screen client, injectable so tests never start a terminal UI.</summary>
/// <param name="CanRun">True when stdin and stdout are terminals.</param>
/// <param name="Run">Runs the client (TuiHost.RunAsync).</param>
internal sealed record TuiRunner(Func<bool> CanRun, Func<TuiLaunch, CancellationToken, Task<int>> Run);
