using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using NetTerm.Cli.Headless;
using NetTerm.Core.Text;
using NetTerm.Smtp.Mx;

namespace NetTerm.Cli.Commands.Mx;

/// <summary>`netterm mx DOMAIN`: the domain's mail hosts in the order a sender tries them, their addresses and
/// whether their SMTP port answers; then the offer to open a session on the best one.</summary>
internal sealed class MxCommand : Command
{
    /// <param name="runArgs">Runs another netterm command line (the `smtp HOST` the user accepts).</param>
    public MxCommand(ConsoleStreams console, Func<string[], CancellationToken, Task<int>> runArgs)
        : base("mx", "Show a domain's mail servers (MX, or its own address when it has none), their addresses and whether "
            + "their SMTP port answers; then offer to connect to the best one")
    {
        var domain = new Argument<string?>("domain") { Description = "Mail domain, e.g. example.com", Arity = ArgumentArity.ZeroOrOne };
        var dnsServer = new Option<string?>("--dns-server")
        {
            Description = "Ask this DNS server (IP[:PORT], [IPv6]:PORT) instead of the system's resolvers",
            HelpName = "ip[:port]",
        };
        var noProbe = new Option<bool>("--no-probe") { Description = "Do not connect to the hosts' SMTP port" };
        var port = new Option<int>("--port") { Description = "Port to probe and connect to (default 25)", DefaultValueFactory = _ => 25, HelpName = "port" };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds for each DNS query and for each host's probe (default 5)",
            DefaultValueFactory = _ => 5,
            HelpName = "seconds",
        };
        var json = new Option<bool>("--json") { Description = "Write the result as one JSON object; never asks" };
        Arguments.Add(domain);
        Options.Add(dnsServer);
        Options.Add(noProbe);
        Options.Add(port);
        Options.Add(timeout);
        Options.Add(json);
        Validators.Add(r => ConnectAction.RejectOptionLikePositionals(r, r.GetValue(domain)));
        SetAction((pr, ct) => RunAsync(
            console, runArgs, new MxRequest(
                pr.GetValue(domain) ?? throw new UsageException("a domain is required: netterm mx DOMAIN"),
                ParseServer(pr.GetValue(dnsServer)),
                !pr.GetValue(noProbe),
                ParsePort(pr.GetValue(port)),
                ParseTimeout(pr.GetValue(timeout)),
                pr.GetValue(json)),
            ct));
    }

    private static async Task<int> RunAsync(
        ConsoleStreams console, Func<string[], CancellationToken, Task<int>> runArgs, MxRequest request, CancellationToken ct)
    {
        var resolver = new DnsMxResolver(new DnsResolverOptions(request.Server) { Timeout = request.Timeout, Retries = 1 });
        var resolution = await resolver.ResolveAsync(request.Domain, ct).ConfigureAwait(false);
        var rows = await ProbeAsync(resolution, request, ct).ConfigureAwait(false);
        var best = MxTable.Best(rows, request.Probe);
        var connect = best is null ? null : MxTable.ConnectArguments(best, request.Port, request.Server is not null);
        var output = new StreamWriter(console.Output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        await using (output.ConfigureAwait(false))
        {
            if (request.Json)
            {
                await output.WriteLineAsync(MxJson.Write(resolution, rows, request.Port, connect)).ConfigureAwait(false);
                return ExitCodeFor(resolution);
            }

            if (!resolution.HasHosts)
            {
                await console.Error.WriteLineAsync($"netterm: {MxTable.Safe(resolution.Message)}").ConfigureAwait(false);
                return ExitCodeFor(resolution);
            }

            foreach (var line in MxTable.Lines(resolution, rows, request.Port, request.Probe))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (connect is null)
            {
                await output.WriteLineAsync(request.Probe ? $"No host answered on port {request.Port}." : "No host has an address.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var command = "netterm " + ShellWords.Join(connect);
            if (!console.InputIsTerminal)
            {
                await output.WriteLineAsync($"Connect with: {command}").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await output.FlushAsync(ct).ConfigureAwait(false);
            await console.Error.WriteAsync($"Connect to {MxTable.Safe(best!.Host.Host)} ({command})? [y/N] ").ConfigureAwait(false);
            await console.Error.FlushAsync(ct).ConfigureAwait(false);
            string? answer;
            try
            {
                // A console read does not watch the token; Ctrl+C (a cancellation here) must still end the wait.
                answer = await Task.Run(() => ReadLineAsync(console.Input, ct), ct).WaitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await console.Error.WriteLineAsync().ConfigureAwait(false);
                return ExitCodes.Interrupted;
            }


            if (answer?.Trim().ToUpperInvariant() is not ("Y" or "YES"))
            {
                return ExitCodes.Ok;
            }
        }

        return await runArgs(connect, ct).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<MxRow>> ProbeAsync(MailHostResolution resolution, MxRequest request, CancellationToken ct)
    {
        if (!request.Probe)
            return [.. resolution.Hosts.Select(h => new MxRow(h, null))];
        var probes = resolution.Hosts.Select(async h => new MxRow(
            h, await SmtpPortProbe.ProbeAsync(h.Addresses, request.Port, request.Timeout, ct).ConfigureAwait(false)));
        return await Task.WhenAll(probes).ConfigureAwait(false);
    }

    /// <summary>3 for every "no mail host" answer, 5 when DNS did not answer in time.</summary>
    private static int ExitCodeFor(MailHostResolution resolution) => resolution.Outcome switch
    {
        MailHostOutcome.Mx or MailHostOutcome.AddressFallback => ExitCodes.Ok,
        MailHostOutcome.TimedOut => ExitCodes.Timeout,
        _ => ExitCodes.Dns,
    };

    /// <summary>One line, byte by byte, so nothing after it is taken from stdin: the session that may follow reads
    /// the rest.</summary>
    private static async Task<string?> ReadLineAsync(Stream input, CancellationToken ct)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 256 && await input.ReadAsync(one, ct).ConfigureAwait(false) == 1 && one[0] != '\n')
        {
            bytes.Add(one[0]);
        }

        return bytes.Count == 0 && one[0] != '\n' ? null : Encoding.UTF8.GetString([.. bytes]);
    }

    private static IPEndPoint? ParseServer(string? text) =>
        text is null ? null
        : DnsResolverOptions.TryParseServer(text, out var server) ? server
        : throw new UsageException($"--dns-server takes an IP address with an optional port (IP, IP:PORT, [IPv6]:PORT), not '{MxTable.Safe(text)}'");

    private static int ParsePort(int port) => port is >= 1 and <= 65535
        ? port
        : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--port must be 1..65535 (got {port})"));

    private static TimeSpan ParseTimeout(double seconds) => seconds is > 0 and <= 300
        ? TimeSpan.FromSeconds(seconds)
        : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--timeout must be a number of seconds between 0 and 300 (got {seconds})"));

    private sealed record MxRequest(string Domain, IPEndPoint? Server, bool Probe, int Port, TimeSpan Timeout, bool Json);
}
