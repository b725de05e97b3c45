using System.CommandLine;
using NetTerm.Cli.Headless;
using NetTerm.Core.Terminal;
using NetTerm.Smtp.Auth;

namespace NetTerm.Cli.Commands.Auth;

/// <summary>`netterm auth-login --user U` prints the two AUTH LOGIN answers: base64 user, then base64 password.</summary>
internal sealed class AuthLoginCommand : Command
{
    public AuthLoginCommand(ConsoleStreams console)
        : base("auth-login", "Print the two base64 AUTH LOGIN lines (user, then password); the password is typed without echo, or read "
            + "from stdin when stdin is piped. There is no password option: it would stay in your shell history and the process list")
    {
        var user = AuthOptions.User();
        Options.Add(user);
        SetAction((pr, ct) => AuthOptions.InterruptibleAsync(console, async () =>
        {
            var name = pr.GetValue(user);
            AuthOptions.RequireUser(name, "auth-login");
            var password = await SecretInput.ReadPasswordAsync(console, $"Password for {ControlEscaper.Escape(name!)}: ", ct).ConfigureAwait(false);
            var lines = SaslLogin.Encode(name!, password);
            await AuthOptions.WriteLinesAsync(console, ct, lines.UserLine, lines.PasswordLine).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
    }
}
