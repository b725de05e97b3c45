using System.CommandLine;
using System.Text;
using NetTerm.Cli.Headless;

namespace NetTerm.Cli.Commands.Auth;

/// <summary>What `auth-plain` and `auth-login` share.</summary>
internal static class AuthOptions
{
    public static Option<string?> User() => new("--user", "-u")
    {
        Description = "Authentication identity, as typed: '@' and other characters need no escaping",
        HelpName = "user",
    };

    /// <summary>Checked here rather than by the parser, whose "required" error takes two lines.</summary>
    public static void RequireUser(string? user, string command)
    {
        if (string.IsNullOrEmpty(user))
        {
            throw new UsageException($"{command} needs --user U (the password is then typed, or piped on stdin)");
        }

        if (user.Contains('\0', StringComparison.Ordinal))
        {
            throw new UsageException("--user must not contain NUL (U+0000)");
        }
    }

    /// <summary>Runs an encoder; Ctrl+C at the password prompt ends it with exit 130 and nothing on stdout.</summary>
    public static async Task<int> InterruptibleAsync(ConsoleStreams console, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync().ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
    }

    public static async Task WriteLinesAsync(ConsoleStreams console, CancellationToken ct, params string[] lines)
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        await console.Output.WriteAsync(text, ct).ConfigureAwait(false);
        await console.Output.FlushAsync(ct).ConfigureAwait(false);
    }
}
