using System.CommandLine;
using NetTerm.Cli.Headless;
using NetTerm.Core.Terminal;
using NetTerm.Smtp.Auth;

namespace NetTerm.Cli.Commands.Auth;

/// <summary>`netterm auth-plain --user U [--authzid Z]` prints the base64 AUTH PLAIN response (RFC 4616), offline:
/// what tutorials build with a perl one-liner or an online encoder. `--decode B64` shows what one contains.</summary>
internal sealed class AuthPlainCommand : Command
{
    public AuthPlainCommand(ConsoleStreams console)
        : base("auth-plain", "Print the base64 AUTH PLAIN response for a user; the password is typed without echo, or read from stdin "
            + "when stdin is piped. There is no password option: it would stay in your shell history and the process list")
    {
        var user = AuthOptions.User();
        var authzid = new Option<string?>("--authzid") { Description = "Identity to act as (usually left out)", HelpName = "identity" };
        var decode = new Option<string?>("--decode")
        {
            Description = "Show the parts of a base64 PLAIN response, password masked ('-' reads it from stdin)",
            HelpName = "base64",
        };
        Options.Add(user);
        Options.Add(authzid);
        Options.Add(decode);
        SetAction((pr, ct) => pr.GetValue(decode) is { } b64
            ? DecodeAsync(console, b64, pr.GetResult(user) is not null || pr.GetResult(authzid) is not null, ct)
            : AuthOptions.InterruptibleAsync(console, () => EncodeAsync(console, pr.GetValue(user), pr.GetValue(authzid), ct)));
    }

    private static async Task<int> EncodeAsync(ConsoleStreams console, string? user, string? authzid, CancellationToken ct)
    {
        AuthOptions.RequireUser(user, "auth-plain");
        if (authzid is not null && authzid.Contains('\0', StringComparison.Ordinal))
        {
            throw new UsageException("--authzid must not contain NUL (U+0000)");
        }

        var password = await SecretInput.ReadPasswordAsync(console, $"Password for {ControlEscaper.Escape(user!)}: ", ct).ConfigureAwait(false);
        await AuthOptions.WriteLinesAsync(console, ct, SaslPlain.Encode(user!, password, authzid)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task<int> DecodeAsync(ConsoleStreams console, string base64, bool withEncodeOptions, CancellationToken ct)
    {
        if (withEncodeOptions)
        {
            throw new UsageException("--decode takes no --user or --authzid: they come out of the base64");
        }

        if (base64 == "-")
        {
            base64 = await SecretInput.ReadFirstLineAsync(console.Input, ct).ConfigureAwait(false);
        }

        if (!SaslPlain.TryDecode(base64, out var parts, out var error))
        {
            throw new UsageException(error);
        }

        await AuthOptions.WriteLinesAsync(
            console,
            ct,
            $"authzid   {(parts.Authzid is null ? "(none: act as the user)" : ControlEscaper.Escape(parts.Authzid))}",
            $"user      {ControlEscaper.Escape(parts.User)}",
            "password  ****").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
