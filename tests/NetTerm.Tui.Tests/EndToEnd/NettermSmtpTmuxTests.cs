using System.Globalization;
using NetTerm.Testing;

namespace NetTerm.Tui.Tests.EndToEnd;

/// <summary>The real `netterm smtp` in tmux against the real Postfix peer: the whole assisted session by keyboard.</summary>
public class NettermSmtpTmuxTests
{
    private const string PlainSecret = "AGFsaWNlAHdvbmRlcmxhbmQ=";

    [PeersFact]
    public void Smtp_StartTlsAuthDialogAndDotLine_DeliveredOnceUnstuffedAndSecretNeverShown()
    {
        Assert.True(Tmux.IsInstalled, "tmux is required for this interop test");
        var mailbox = Path.Combine(Peers.State, "mail", "alice", "new");
        var marker = "tmux-e2e-" + Guid.NewGuid().ToString("N")[..12];
        using var tmux = new Tmux();
        tmux.Start($"{Tmux.NettermCommand()} smtp --ca '{Peers.CertificatePath}' localhost "
            + $"{Peers.Submission.ToString(CultureInfo.InvariantCulture)}; echo EXIT=$?; sleep 30");
        tmux.WaitFor(s => s.Contains("220 mx.peers.test", StringComparison.Ordinal) && s.Contains("│ smtp │ connected", StringComparison.Ordinal), "the greeting");

        // 1. EHLO by Tab completion.
        tmux.Type("EH");
        tmux.SendKeys("Tab");
        tmux.WaitFor(s => InputLine(s) == "SMTP> EHLO", "EHLO completed into the input");
        tmux.Type("client.test");
        tmux.SendKeys("Enter");
        tmux.WaitFor(s => s.Contains("> EHLO client.test", StringComparison.Ordinal) && s.Contains("250-STARTTLS", StringComparison.Ordinal), "the EHLO reply");

        // 2-3. STARTTLS; the profile says EHLO again by itself, and AUTH appears among the capabilities after TLS.
        tmux.Type("STARTTLS");
        tmux.SendKeys("Enter");
        tmux.WaitFor(s => s.Contains("certificate verified for localhost", StringComparison.Ordinal)
            && s.Contains("Capabilities (after TLS)", StringComparison.Ordinal) && s.Contains("│AUTH: PLAIN", StringComparison.Ordinal)
            && InputLine(s) == "SMTP/TLS>", "TLS and the capabilities after it");

        // Hide the side panel so that annotations are shown in full from here on.
        tmux.SendKeys("F4");
        tmux.WaitFor(s => !s.Contains("┤Profile├", StringComparison.Ordinal), "the panel to hide");

        // 4. AUTH PLAIN through the dialog.
        tmux.Type("AUTH PLAIN");
        tmux.SendKeys("Enter");
        tmux.WaitFor(s => s.Contains("AUTH PLAIN┝", StringComparison.Ordinal) && s.Contains("Password *", StringComparison.Ordinal), "the AUTH dialog");
        tmux.Type(Peers.User);
        tmux.SendKeys("Tab");
        tmux.Type(Peers.Password);
        tmux.WaitFor(s => s.Contains("∙∙∙∙∙∙∙∙∙∙", StringComparison.Ordinal), "the masked password");
        tmux.SendKeys("Enter");
        tmux.WaitFor(s => s.Contains("> AUTH PLAIN ****", StringComparison.Ordinal) && s.Contains("235 2.7.0", StringComparison.Ordinal)
            && s.Contains("— authenticated", StringComparison.Ordinal), "authenticated");

        // 5. The envelope.
        Submit(tmux, "MAIL FROM:<alice@localhost>");
        tmux.WaitFor(s => s.Contains("250 2.1.0", StringComparison.Ordinal), "MAIL accepted");
        Submit(tmux, "RCPT TO:<alice@localhost>");
        tmux.WaitFor(s => s.Contains("250 2.1.5", StringComparison.Ordinal), "RCPT accepted");

        // 6. DATA with a line that starts with a dot.
        Submit(tmux, "DATA");
        tmux.WaitFor(s => s.Contains("354 ", StringComparison.Ordinal) && InputLine(s) == "DATA>", "DATA mode");
        foreach (var line in new[] { "Subject: " + marker, string.Empty, ".hidden dot line", "last line", "." })
        {
            Submit(tmux, line);
        }

        tmux.WaitFor(s => s.Contains("— message accepted (queue id", StringComparison.Ordinal), "message accepted");

        // 7. QUIT.
        Submit(tmux, "QUIT");
        tmux.WaitFor(s => s.Contains("221 2.0.0", StringComparison.Ordinal) && s.Contains("— goodbye", StringComparison.Ordinal), "goodbye");
        tmux.SendKeys("C-q");
        var end = tmux.WaitFor(s => s.Contains("EXIT=", StringComparison.Ordinal) || s.Contains("quit?", StringComparison.Ordinal), "quit");
        if (!end.Contains("EXIT=", StringComparison.Ordinal))
        {
            tmux.SendKeys("y");
        }

        tmux.WaitFor(s => s.Contains("EXIT=0", StringComparison.Ordinal), "netterm to exit 0");

        var message = WaitForMessage(mailbox, marker);
        var lines = message.Split("\r\n").Length > 1 ? message.Split("\r\n") : message.Split('\n');
        Assert.Contains(".hidden dot line", lines);
        Assert.DoesNotContain("..hidden dot line", lines);
        Assert.Contains("last line", lines);
        Assert.All(tmux.Captures, s =>
        {
            Assert.DoesNotContain(Peers.Password, s, StringComparison.Ordinal);
            Assert.DoesNotContain(PlainSecret, s, StringComparison.Ordinal);
        });
    }

    /// <summary>Types a line (once it shows in the input) and presses Enter, then waits for its echo to be the
    /// newest sent line: keys sent faster than the screen shows them would otherwise be judged on a stale capture.</summary>
    private static void Submit(Tmux tmux, string line)
    {
        if (line.Length > 0)
        {
            tmux.Type(line);
            tmux.WaitFor(s => InputLine(s).EndsWith("> " + line, StringComparison.Ordinal), $"'{line}' in the input");
        }

        tmux.SendKeys("Enter");
        // The echo shows the line as it went on the wire: in DATA mode a leading dot is doubled (the lone "." is not).
        var wire = line.Length > 1 && line[0] == '.' && InputLine(tmux.Captures[^1]).StartsWith("DATA>", StringComparison.Ordinal) ? "." + line : line;
        var echo = ("> " + wire).TrimEnd();
        tmux.WaitFor(s => LastSent(s) == echo && InputLine(s).EndsWith('>'), $"the echo of '{line}'");
    }

    /// <summary>The newest "> …" row of the output pane (scroll bar column removed).</summary>
    private static string? LastSent(string screen) => screen.TrimEnd('\n').Split('\n')[..^2]
        .Select(r => r.TrimEnd().TrimEnd('░', '█', '▲', '▼').TrimEnd())
        .LastOrDefault(r => r.StartsWith('>'));

    /// <summary>The prompt and input row (the second-to-last line of the pane), trimmed.</summary>
    private static string InputLine(string screen)
    {
        var rows = screen.TrimEnd('\n').Split('\n');
        return rows.Length >= 2 ? rows[^2].Trim() : string.Empty;
    }

    private static string WaitForMessage(string mailbox, string marker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(mailbox) ? Directory.GetFiles(mailbox) : [])
            {
                var text = File.ReadAllText(file);
                if (text.Contains(marker, StringComparison.Ordinal))
                {
                    return text;
                }
            }

            Thread.Sleep(100);
        }

        Assert.Fail($"no message with {marker} in {mailbox}");
        return string.Empty;
    }
}
