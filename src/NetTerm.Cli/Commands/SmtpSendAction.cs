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
            var sender = new SmtpSender(options, quiet ? null : transcript.WriteLine);
            await using (sender.ConfigureAwait(false))
            {
                var report = await sender.RunAsync(ct).ConfigureAwait(false);
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
