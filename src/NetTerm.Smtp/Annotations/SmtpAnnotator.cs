using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Smtp.Auth;
using NetTerm.Smtp.Dialog;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Annotations;

/// <summary>Explains a reply: the meaning of its basic code (RFC 5321), of its enhanced code (RFC 3463 and the IANA
/// registry), and a hint from the session state for the replies people most often misread.</summary>
internal static class SmtpAnnotator
{
    public static AnnotationEvent Annotate(OutstandingCommand? command, SmtpReply reply, SmtpDialogState before, bool unsolicited)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(before);
        if (reply.IsViolation)
        {
            return new AnnotationEvent($"PROTOCOL VIOLATION: {Violation(reply)} — not counted as success", Severity.Error);
        }

        var text = new StringBuilder();
        text.Append(reply.Code);
        if (ReplyCodeCatalog.Describe(reply.Code, command?.Command.Verb) is { } basic)
        {
            text.Append(' ').Append(basic.Meaning);
        }

        if (reply.Enhanced is { } enhanced)
        {
            text.Append(" · ").Append(enhanced.ToString());
            if ((EnhancedStatusCatalog.FindDetail(enhanced) ?? EnhancedStatusCatalog.FindSubject(enhanced.Subject)) is { } detail)
            {
                text.Append(' ').Append(detail.Title);
            }
        }

        if (unsolicited)
        {
            text.Append(" — UNSOLICITED: no command was waiting for this reply; it is not paired with anything");
        }
        else if (Hint(command, reply, before) is { } hint)
        {
            text.Append(" — ").Append(hint);
        }

        AppendFraming(text, reply.Flags);
        return new AnnotationEvent(text.ToString(), SeverityOf(reply, unsolicited));
    }

    /// <summary>Framing faults that did not break the reply but are worth knowing (a server under test).</summary>
    private static void AppendFraming(StringBuilder text, SmtpReplyFlags flags)
    {
        if (flags.HasFlag(SmtpReplyFlags.BareLf))
        {
            text.Append(" [bare LF line ending: RFC 5321 requires CRLF]");
        }

        if (flags.HasFlag(SmtpReplyFlags.LineTooLong))
        {
            text.Append(" [a line is longer than ").Append(SmtpReplyParser.MaxLineLength).Append(" bytes (RFC 5321 allows 512)]");
        }

        if (flags.HasFlag(SmtpReplyFlags.Truncated))
        {
            text.Append(" [text cut at ").Append(SmtpReplyParser.MaxReplyBytes / 1024).Append(" KiB]");
        }

        if (flags.HasFlag(SmtpReplyFlags.TooManyLines))
        {
            text.Append(" [more than ").Append(SmtpReplyParser.MaxLines).Append(" lines: the rest were read and dropped]");
        }
    }

    private static Severity SeverityOf(SmtpReply reply, bool unsolicited) => unsolicited
        ? Severity.Warning
        : reply.ReplyClass switch
        {
            2 => Severity.Positive,
            3 => Severity.Intermediate,
            4 => Severity.Transient,
            5 => Severity.Error,
            _ => Severity.Error,
        };

    private static string Violation(SmtpReply reply)
    {
        if (reply.Flags.HasFlag(SmtpReplyFlags.MismatchedCodes))
        {
            return "the lines of this multi-line reply carry different codes";
        }

        return reply.Flags.HasFlag(SmtpReplyFlags.NonNumeric)
            ? "the server sent a line that is not a reply (three digits, then '-', space or end of line)"
            : "malformed reply separator";
    }

    private static string? Hint(OutstandingCommand? command, SmtpReply reply, SmtpDialogState before)
    {
        var code = reply.Code;
        var verb = command is null ? null : command.SaslResponse ? "AUTH" : command.Command.Verb;
        if (verb is null)
        {
            return code switch
            {
                220 => "greeting: the server is ready; say EHLO (or HELO) with your host name",
                554 => "the server refuses service to you (policy, blocklist); only QUIT is useful now",
                421 => "the server is closing the session",
                _ => null,
            };
        }

        return (verb, code) switch
        {
            (_, 421) => "the server is closing the session",
            ("EHLO", 500 or 502) => "server does not speak ESMTP — try HELO",
            ("EHLO" or "HELO", 501) => "give your host name, or an address literal like [192.0.2.1]",
            ("EHLO", 250) => Capabilities(reply, before.Tls),
            ("STARTTLS", 220) => "upgrading this connection to TLS…",
            ("STARTTLS", _) => "TLS refused: the session stays plaintext (NOT ENCRYPTED); AUTH stays blocked",
            ("AUTH", 334) => Challenge(reply),
            ("AUTH", 235) => "authenticated",
            ("AUTH", 535) => "authentication failed: wrong user name or password, or the mechanism is not allowed",
            ("AUTH", 534 or 538) => "the server wants a stronger mechanism or TLS first",
            ("AUTH", 503) => "already authenticated, or AUTH is not allowed in this state",
            ("MAIL FROM:", 530) => before.Capabilities?.AuthMechanisms.Count > 0 || before.Tls
                ? "authenticate first (AUTH)"
                : "authenticate first — and STARTTLS first, because AUTH is not offered yet",
            ("MAIL FROM:", 503) => "say EHLO first, or finish the current transaction (RSET)",
            ("MAIL FROM:", 250) => "envelope sender accepted; now RCPT TO:<address>",
            ("RCPT TO:", 550 or 554) when reply.Enhanced is { Class: 5, Subject: 7, Detail: 1 } || Mentions(reply, "relay") =>
                "relaying denied — the server will not forward to that domain for you; authenticate, or use a recipient it hosts",
            ("RCPT TO:", 550) => "the server has no such mailbox, or refuses it",
            ("RCPT TO:", 503) => "bad sequence: MAIL FROM comes before RCPT TO",
            ("RCPT TO:", 250 or 251) => $"recipient added ({before.Recipients.Count + 1} so far: each RCPT TO adds one)",
            ("DATA", 354) => "DATA mode: type the message, end it with a line holding only \".\"",
            ("DATA", 503 or 554) => "no valid recipients yet: RCPT TO first",
            (".", >= 200 and < 300) => $"message accepted{(SmtpDialogState.QueueId(reply) is { } id ? $" (queue id {id})" : string.Empty)}",
            (".", _) => "message NOT sent",
            ("QUIT", 221) => "goodbye",
            (_, 502) => "the server does not implement this command",
            (_, 500) => "the server did not recognise this command",
            (_, 501) => "syntax error in the parameters",
            (_, 503) => "bad sequence of commands",
            _ => null,
        };
    }

    private static string Capabilities(SmtpReply reply, bool tls)
    {
        var caps = Smtp.Capabilities.EhloCapabilities.Parse(reply);
        var text = $"{caps.Keywords.Count} extension(s): {string.Join(' ', caps.Keywords.Select(k => k.Name))}";
        if (tls)
        {
            return text + " (after TLS: only these count now)";
        }

        return caps.StartTls ? text : text + " — STARTTLS not offered: this session cannot be encrypted";
    }

    private static bool Mentions(SmtpReply reply, string word) =>
        reply.Lines.Any(l => l.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>334's text is base64 ("VXNlcm5hbWU6" is "Username:"): show what it says.</summary>
    private static string Challenge(SmtpReply reply)
    {
        var text = (reply.Lines.Count > 0 ? reply.Lines[0].Trim() : string.Empty);
        if (text.Length == 0)
        {
            return "the server waits for your SASL response";
        }

        return Base64Challenge.TryDecode(text, out var bytes)
            ? $"the server asks: \"{Core.Terminal.ControlEscaper.Escape(Encoding.UTF8.GetString(bytes), Core.Terminal.ControlEscaperOptions.Transcript)}\""
            : "the challenge is not valid base64: NetTerm answers \"*\" to cancel";
    }
}
