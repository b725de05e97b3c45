using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using NetTerm.Cli.Headless;
using NetTerm.Smtp.Sandbox;

namespace NetTerm.Cli.Commands;

/// <summary>`netterm sandbox [--port 2500] [--store DIR] [--user U --password P]`: the embedded SMTP server, until
/// Ctrl+C or SIGTERM. A startup table on stdout, then one line per accepted message.</summary>
internal sealed class SandboxCommand : Command
{
    public SandboxCommand(ConsoleStreams console)
        : base("sandbox", "Run a practice SMTP server on 127.0.0.1: STARTTLS, AUTH PLAIN/LOGIN, a relay policy, messages stored as .eml")
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 2500, HelpName = "port" };
        var store = new Option<DirectoryInfo?>("--store") { Description = "Folder for accepted messages (default: netterm-sandbox in the temp folder)", HelpName = "dir" };
        var user = new Option<string?>("--user") { Description = $"AUTH user (default {SandboxOptions.DemoUser})", HelpName = "user" };
        var password = new Option<string?>("--password") { Description = $"AUTH password (default {SandboxOptions.DemoPassword})", HelpName = "password" };
        Options.Add(port);
        Options.Add(store);
        Options.Add(user);
        Options.Add(password);
        SetAction((pr, ct) => RunAsync(
            console,
            pr.GetValue(port),
            pr.GetValue(store)?.FullName ?? Path.Combine(Path.GetTempPath(), "netterm-sandbox"),
            pr.GetValue(user),
            pr.GetValue(password),
            ct));
    }

    private static async Task<int> RunAsync(
        ConsoleStreams console, int port, string store, string? user, string? password, CancellationToken ct)
    {
        if (port is < 0 or > 65535)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--port must be 0..65535 (got {port})"));
        }

        if ((user is null) != (password is null) || user is "" || password is "")
        {
            throw new UsageException("--user and --password go together, and neither may be empty");
        }

        var output = new StreamWriter(console.Output, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
        await using (output.ConfigureAwait(false))
        {
            var gate = new object();
            SandboxServer server;
            try
            {
                var options = new SandboxOptions(port, store, user ?? SandboxOptions.DemoUser, password ?? SandboxOptions.DemoPassword);
                server = await SandboxServer.StartAsync(
                    options,
                    m =>
                    {
                        lock (gate)
                        {
                            output.WriteLine(SandboxInfo.Line(m));
                        }
                    },
                    ct).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                await console.Error.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture, $"netterm: sandbox: cannot listen on 127.0.0.1:{port}: {ex.Message}")).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await using (server.ConfigureAwait(false))
            {
                lock (gate)
                {
                    foreach (var line in server.Info.Table())
                    {
                        output.WriteLine(line);
                    }
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM: the normal way to stop.
                }

                await console.Error.WriteLineAsync("netterm: sandbox stopped").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
        }
    }
}
