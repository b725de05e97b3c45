using System.CommandLine;
using System.CommandLine.Parsing;
using NetTerm.Cli.Headless;
using NetTerm.Core.Persistence;
using NetTerm.Tui;

namespace NetTerm.Cli.Commands;

/// <summary>What `netterm HOST` and `netterm smtp HOST` do: open a saved session or the target, in the TUI when
/// stdin and stdout are terminals, headless otherwise (and say so).</summary>
internal sealed class ConnectAction(
    Func<ConnectRequest, CancellationToken, Task<int>> run,
    Func<string, string?> getEnv,
    ConsoleStreams console,
    TuiRunner? tui)
{
    public Task<int> RunAsync(
        ParseResult pr, ConnectionOptions options, string? hostText, string? portText, int defaultPort, string? mode, CancellationToken ct) =>
        RunAsync(pr, options, hostText, portText, defaultPort, mode, null, ct);

    /// <param name="overrides">Changes to the request and the TUI launch (`smtp --sandbox`); null for none.</param>
    public async Task<int> RunAsync(
        ParseResult pr,
        ConnectionOptions options,
        string? hostText,
        string? portText,
        int defaultPort,
        string? mode,
        ConnectOverrides? overrides,
        CancellationToken ct)
    {
        var interactive = IsInteractive(pr, options);
        SavedSession? saved = null;
        if (pr.GetValue(options.Session) is { } name)
        {
            if (hostText is not null)
            {
                throw new UsageException("--session and a HOST argument exclude each other: the session names the host");
            }

            saved = SavedSessionLookup.Find(SavedSessionLookup.OpenStore(getEnv), name);
        }

        if (hostText is null && saved is null)
        {
            if (!interactive)
            {
                throw new UsageException("a host is required: netterm HOST [PORT] (without one, netterm opens its connect dialog in a terminal)");
            }

            return await tui!.Run(TuiLaunchBuilder.Build(pr, options, null, mode, getEnv), ct).ConfigureAwait(false);
        }

        var request = ConnectRequestBuilder.Build(pr, options, hostText, portText, defaultPort, getEnv, saved, mode);
        if (overrides is not null)
        {
            request = overrides.Request(request);
        }

        if (interactive && !request.Binary)
        {
            var launch = TuiLaunchBuilder.Build(pr, options, request, mode, getEnv, saved?.Name);
            return await tui!.Run(overrides is null ? launch : overrides.Launch(launch), ct).ConfigureAwait(false);
        }

        if (!request.NoTui && !request.Binary && !request.Quiet)
        {
            await console.Error.WriteLineAsync("netterm: stdin or stdout is not a terminal; running as --no-tui").ConfigureAwait(false);
        }

        return await run(request with { NoTui = true }, ct).ConfigureAwait(false);
    }

    /// <summary>True when the session will run in the full-screen client: stdin and stdout are terminals and
    /// --no-tui was not given.</summary>
    public bool IsInteractive(ParseResult pr, ConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(pr);
        ArgumentNullException.ThrowIfNull(options);
        return !pr.GetValue(options.NoTui) && tui is not null && tui.CanRun();
    }

    /// <summary>With optional positionals, a mistyped option ("--tsl") would silently become the host.</summary>
    public static void RejectOptionLikePositionals(CommandResult result, params string?[] tokens)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var token in tokens)
        {
            if (token is { Length: > 1 } t && t[0] == '-' && t != "-")
            {
                result.AddError($"unknown option '{t}' (see --help)");
            }
        }
    }
}
