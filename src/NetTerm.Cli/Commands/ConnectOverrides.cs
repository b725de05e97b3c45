using NetTerm.Tui;

namespace NetTerm.Cli.Commands;

/// <summary>Adjustments a command makes to what <see cref="ConnectAction"/> built from the command line, for both
/// front ends (`smtp --sandbox` trusts the sandbox's certificate and adds the welcome panel).</summary>
internal sealed record ConnectOverrides(Func<ConnectRequest, ConnectRequest> Request, Func<TuiLaunch, TuiLaunch> Launch);
