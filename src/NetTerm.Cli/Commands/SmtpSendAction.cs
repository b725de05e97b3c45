using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTerm.Cli.Headless;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Smtp.Send;

namespace NetTerm.Cli.Commands;

/// <summary>Runs `netterm smtp send`: options to a <see cref="SendOptions"/>, the transcript to stdout (stderr with
/// --json), a summary line, and the exit code of the stage that failed.</summary>
internal sealed class SmtpSendAction(ConsoleStreams console, Func<string, string?> getEnv)
{
    public async Task<int> RunAsync(ParseResult pr, SmtpSendOptions o, CancellationToken ct)
    {
        var json = pr.GetValue(o.Json);
        var quiet = pr.GetValue(o.Quiet);
        var options = await SmtpSendRequest.BuildAsync(pr, o, console, getEnv, ct).ConfigureAwait(false) with { RecordSteps = json };
        var stdout = new StreamWriter(console.Output, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
        await using (stdout.ConfigureAwait(false))
        {
            TextWriter transcript = json ? console.Error : stdout;
            Action<string>? print = quiet ? null : transcript.WriteLine;
            var (hosts, dnsError) = pr.GetValue(o.Server) is null
                ? await MxHostsAsync(pr, o, options, print, ct).ConfigureAwait(false)
                : ([(options.Session.Host, options.Session.Host)], null);
            if (dnsError is not null)
            {
                await (json ? console.Error : stdout).WriteLineAsync("netterm: FAILED at connect: " + dnsError + " (exit 3)").ConfigureAwait(false);
                return ExitCodes.Dns;
            }

            SendReport report = null!;
            foreach (var (dial, name) in hosts)
            {
                // A host that cannot be reached is passed over for the next (RFC 5321 §5.1); any other outcome is final.
                // The MX host's address is dialled (the lookup already went to the chosen DNS server); its name is what
                // the certificate must match.
                var attempt = options with { Session = options.Session with { Host = dial, UpgradeTls = options.Session.UpgradeTls! with { TargetHost = name } } };
                attempt = attempt with { Session = attempt.Session with { Tls = options.Session.Tls is null ? null : attempt.Session.UpgradeTls } };
                var sender = new SmtpSender(attempt, print);
                await using (sender.ConfigureAwait(false))
                {
                    report = await sender.RunAsync(ct).ConfigureAwait(false);
                }

                if (report.FailedStage != "connect")
                {
                    break;
                }
            }

            {
                report.ExitCode = ExitCodeFor(report);
                var summary = Summary(report, options);
                if (json)
                {
                    await stdout.WriteLineAsync(JsonSerializer.Serialize(report, SendJsonContext.Default.SendReport)).ConfigureAwait(false);
                    await console.Error.WriteLineAsync(summary).ConfigureAwait(false);
                }
                else
                {
                    await stdout.WriteLineAsync(summary).ConfigureAwait(false);
                }

                return report.ExitCode;
            }
        }
    }

    /// <summary>The MX hosts of the first recipient's domain, most preferred first, or the domain itself when it
    /// has no MX; a null MX, a missing domain or a DNS failure is a one-line DNS error (exit 3).</summary>
    private static async Task<(IReadOnlyList<(string Dial, string Name)> Hosts, string? Error)> MxHostsAsync(
        ParseResult pr, SmtpSendOptions o, SendOptions options, Action<string>? print, CancellationToken ct)
    {
        System.Net.IPEndPoint? dns = null;
        if (pr.GetValue(o.DnsServer) is { } text && !Smtp.Mx.DnsResolverOptions.TryParseServer(text, out dns))
        {
            throw new UsageException($"--dns-server must be IP[:PORT] (got '{text}')");
        }

        var domain = options.Session.Host;
        var found = await new Smtp.Mx.DnsMxResolver(new Smtp.Mx.DnsResolverOptions(dns)).ResolveAsync(domain, ct).ConfigureAwait(false);
        if (!found.HasHosts)
        {
            return ([], $"MX lookup for {domain}: {found.Message}");
        }

        var hosts = found.Hosts.SelectMany(h => h.Addresses.Select(a => (a.ToString(), h.Host))).ToList();
        if (hosts.Count == 0)
        {
            return ([], $"MX lookup for {domain}: no address for " + string.Join(", ", found.Hosts.Select(h => h.Host)));
        }

        print?.Invoke($"=== MX for {domain}: " + string.Join(", ", found.Hosts.Select(h =>
            h.Preference is { } p ? $"{h.Host} ({p.ToString(CultureInfo.InvariantCulture)})" : h.Host + " (no MX: the domain itself)")));
        return (hosts, null);
    }

    internal static int ExitCodeFor(SendReport report)
    {
        if (report.Success)
        {
            return ExitCodes.Ok;
        }

        if (report.ConnectionFailure is { } failure && Enum.TryParse<ConnectFailure>(failure, out var kind))
        {
            return ExitCodes.For(kind);
        }

        return report.FailedStage switch
        {
            "greeting" => ExitCodes.GreetingRejected,
            "helo" => ExitCodes.HeloRejected,
            "tls" => ExitCodes.TlsUnavailable,
            "auth" => ExitCodes.AuthFailed,
            "mail" => ExitCodes.SenderRejected,
            "rcpt" => ExitCodes.RecipientsRejected,
            "data" => ExitCodes.MessageRejected,
            _ => ExitCodes.Failure,
        };
    }

    private static string Summary(SendReport report, SendOptions options)
    {
        var seconds = report.ElapsedMs / 1000;
        var where = $"{report.Server}:{report.Port.ToString(CultureInfo.InvariantCulture)}";
        if (!report.Success)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"netterm: FAILED at {report.FailedStage}: {report.Error} ({report.Accepted.Count} of {options.Count} message(s) accepted by {where}; exit {report.ExitCode})");
        }

        if (options.QuitAfter is { } stage)
        {
            return string.Create(CultureInfo.InvariantCulture, $"netterm: ok, stopped after {stage.ToString().ToLowerInvariant()} at {where} in {seconds:0.00} s");
        }

        var rate = seconds > 0 ? report.Accepted.Count / seconds : 0;
        var ids = report.Accepted.Count == 1 && report.Accepted[0].Length > 0 ? $" (queue id {report.Accepted[0]})" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"netterm: {report.Accepted.Count} message(s) accepted by {where}{ids} in {seconds:0.00} s ({rate:0} msg/s)");
    }
}
