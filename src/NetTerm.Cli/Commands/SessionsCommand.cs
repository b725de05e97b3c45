using System.CommandLine;
using System.Globalization;
using System.Text;
using NetTerm.Cli.Headless;
using NetTerm.Core.Persistence;

namespace NetTerm.Cli.Commands;

/// <summary>`netterm sessions`: one line per saved session on stdout, in aligned columns that suit people and
/// `awk` alike: name, host:port, mode, tls.</summary>
internal sealed class SessionsCommand : Command
{
    public SessionsCommand(Func<SessionStore> openStore, ConsoleStreams console)
        : base("sessions", "List saved sessions (name, host:port, mode, TLS); open one with --session NAME")
    {
        SetAction(async (_, ct) =>
        {
            var store = openStore();
            var listings = store.List();
            if (listings.Count == 0)
            {
                // stderr, so a script reading stdout sees no sessions rather than a sentence.
                await console.Error.WriteLineAsync($"netterm: no saved sessions in {store.Directory}").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var rows = listings.Select(Columns).ToList();
            var nameWidth = rows.Max(r => r.Name.Length);
            var targetWidth = rows.Max(r => r.Target.Length);
            var text = new StringBuilder();
            foreach (var (name, target, details) in rows)
            {
                text.Append($"{name.PadRight(nameWidth)}  {target.PadRight(targetWidth)}  {details}".TrimEnd()).Append('\n');
            }

            var bytes = new UTF8Encoding(false).GetBytes(text.ToString());
            await console.Output.WriteAsync(bytes, ct).ConfigureAwait(false);
            await console.Output.FlushAsync(ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
    }

    /// <summary>Name, host:port and "mode tls" of one session; a broken file keeps its name and shows its error.</summary>
    internal static (string Name, string Target, string Details) Columns(SessionListing listing)
    {
        if (listing.Session is not { } s)
        {
            return (listing.Name, "error:", listing.Error ?? string.Empty);
        }

        // IPv6 literals are bracketed so the port stays unambiguous, as the HOST argument accepts them.
        var host = s.Host.Contains(':', StringComparison.Ordinal) ? $"[{s.Host}]" : s.Host;
        var tls = !s.Tls ? "plain" : s.Insecure ? "tls-insecure" : "tls";
        return (listing.Name, string.Create(CultureInfo.InvariantCulture, $"{host}:{s.Port}"), $"{s.Mode,-6}  {tls}");
    }
}
