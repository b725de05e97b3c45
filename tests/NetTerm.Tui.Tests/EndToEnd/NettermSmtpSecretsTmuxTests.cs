using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetTerm.Testing;

namespace NetTerm.Tui.Tests.EndToEnd;

/// <summary>The secrets sweep of the real `netterm smtp` in tmux against Postfix: AUTH CRAM-MD5 and LOGIN through the
/// dialog and a typed AUTH PLAIN line; afterwards no password, no base64 of it and no computed response is on any
/// captured screen, in the --log transcript, in the saved scrollback (Ctrl+S) or in the history file.</summary>
public class NettermSmtpSecretsTmuxTests
{
    private const string WrongCram = "cram-wrong-7f3a";
    private const string WrongTyped = "typed-wrong-91c2";

    [PeersFact]
    public void Smtp_AuthDialogsAndTypedAuth_NoSecretOnScreenInTranscriptScrollbackOrHistory()
    {
        Assert.True(Tmux.IsInstalled, "tmux is required for this interop test");
        using var dir = new TempDirectory();
        var log = Path.Combine(dir.Path, "session.log");
        var config = Path.Combine(dir.Path, "config");
        var typedPlain = B64("\0" + Peers.User + "\0" + WrongTyped);
        using var tmux = new Tmux();
        tmux.Start($"cd '{dir.Path}' && NETTERM_CONFIG_DIR='{config}' {Tmux.NettermCommand()} smtp --log '{log}' --ca '{Peers.CertificatePath}' "
            + $"localhost {Peers.Submission.ToString(CultureInfo.InvariantCulture)}; echo EXIT=$?; sleep 30");
        tmux.WaitFor(s => s.Contains("220 mx.peers.test", StringComparison.Ordinal), "the greeting");
        Enter(tmux, "EHLO client.test");
        tmux.WaitFor(s => s.Contains("250-STARTTLS", StringComparison.Ordinal), "the EHLO reply");
        Enter(tmux, "STARTTLS");
        tmux.WaitFor(s => s.Contains("│AUTH: PLAIN", StringComparison.Ordinal) && s.Contains("SMTP/TLS>", StringComparison.Ordinal), "AUTH after TLS");
        tmux.SendKeys("F4");
        tmux.WaitFor(s => !s.Contains("┤Profile├", StringComparison.Ordinal), "the panel to hide");

        // 1. CRAM-MD5 through the dialog, wrong password: 535.
        Dialog(tmux, "AUTH CRAM-MD5", WrongCram);
        tmux.WaitFor(s => s.Contains("535 5.7.8", StringComparison.Ordinal), "CRAM-MD5 rejected");

        // 2. A typed AUTH PLAIN line with its base64, wrong password: masked on screen, 535 again.
        Enter(tmux, "AUTH PLAIN " + typedPlain);
        tmux.WaitFor(s => s.Contains("> AUTH PLAIN ****", StringComparison.Ordinal) && Count(s, "535 5.7.8") >= 2, "typed PLAIN rejected");

        // 3. LOGIN through the dialog with the right password.
        Dialog(tmux, "AUTH LOGIN", Peers.Password);
        tmux.WaitFor(s => s.Contains("235 2.7.0", StringComparison.Ordinal), "LOGIN accepted");

        // Ctrl+S keeps the whole scrollback (the default file name, in the working directory).
        tmux.SendKeys("C-s");
        tmux.WaitFor(s => s.Contains("File name:", StringComparison.Ordinal), "the save prompt");
        tmux.SendKeys("Enter");
        tmux.WaitFor(s => s.Contains("lines to ", StringComparison.Ordinal), "the scrollback saved");
        Enter(tmux, "QUIT");
        tmux.WaitFor(s => s.Contains("221 2.0.0", StringComparison.Ordinal), "goodbye");
        tmux.SendKeys("C-q");
        var end = tmux.WaitFor(s => s.Contains("EXIT=", StringComparison.Ordinal) || s.Contains("quit?", StringComparison.Ordinal), "quit");
        if (!end.Contains("EXIT=", StringComparison.Ordinal))
        {
            tmux.SendKeys("y");
        }

        tmux.WaitFor(s => s.Contains("EXIT=0", StringComparison.Ordinal), "netterm to exit 0");

        var transcript = File.ReadAllText(log);
        var scrollback = File.ReadAllText(Assert.Single(Directory.GetFiles(dir.Path, "netterm-*.txt")));
        var history = File.ReadAllText(Path.Combine(config, "history", "localhost-2525.txt"));
        Assert.Contains("EHLO client.test", history, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTH", history, StringComparison.Ordinal);
        Assert.Contains("AUTH PLAIN ****", transcript, StringComparison.Ordinal);
        Assert.Contains("235 2.7.0", scrollback, StringComparison.Ordinal);

        var challenge = transcript.Split('\n').Select(l => l.TrimEnd('\r'))
            .Select(l => l.IndexOf("334 ", StringComparison.Ordinal) is var i and >= 0 ? l[(i + 4)..].Trim() : null)
            .First(c => c is not null && Convert.FromBase64String(c!).Length > 0 && Encoding.ASCII.GetString(Convert.FromBase64String(c!)).StartsWith('<'))!;
#pragma warning disable CA5351 // CRAM-MD5 is HMAC-MD5 (RFC 2195): the test recomputes what went on the wire
        var digest = Convert.ToHexStringLower(HMACMD5.HashData(Encoding.UTF8.GetBytes(WrongCram), Convert.FromBase64String(challenge)));
#pragma warning restore CA5351
        string[] secrets =
        [
            Peers.Password, B64(Peers.Password), B64("\0" + Peers.User + "\0" + Peers.Password),
            WrongCram, B64(WrongCram), digest, B64(Peers.User + " " + digest),
            WrongTyped, typedPlain,
        ];
        // The input row shows what the user is typing (the typed base64 line, before Enter); every other row counts.
        foreach (var (where, text) in tmux.Captures.Select(c => ("screen", WithoutInputRow(c))).Append(("transcript", transcript))
                     .Append(("scrollback", scrollback)).Append(("history", history)))
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' found in the {where}");
            }
        }
    }

    private static void Dialog(Tmux tmux, string command, string password)
    {
        Enter(tmux, command);
        tmux.WaitFor(s => s.Contains(command + "┝", StringComparison.Ordinal) && s.Contains("Password *", StringComparison.Ordinal), $"the {command} dialog");
        tmux.Type(Peers.User);
        tmux.SendKeys("Tab");
        tmux.Type(password);
        tmux.WaitFor(s => s.Contains(new string('∙', password.Length), StringComparison.Ordinal), "the masked password");
        tmux.SendKeys("Enter");
    }

    private static void Enter(Tmux tmux, string line)
    {
        tmux.Type(line);
        tmux.WaitFor(s => s.TrimEnd('\n').Split('\n')[^2].TrimEnd().EndsWith("> " + line, StringComparison.Ordinal), $"'{line}' in the input");
        tmux.SendKeys("Enter");
    }

    private static string WithoutInputRow(string screen)
    {
        var rows = screen.TrimEnd('\n').Split('\n').ToList();
        if (rows.Count >= 2)
        {
            rows.RemoveAt(rows.Count - 2);
        }

        return string.Join('\n', rows);
    }

    private static int Count(string s, string what) => s.Split(what).Length - 1;

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));
}
