using System.Globalization;
using NetTerm.Core.Profiles;
using NetTerm.Smtp.Dialog;

namespace NetTerm.Smtp.Completion;

/// <summary>Tab completion from what the server advertised and what the session state allows: verbs with their
/// syntax templates, MAIL/RCPT parameters, AUTH mechanisms, addresses used earlier, and EHLO names.</summary>
internal static class SmtpCompletionProvider
{
    private const int MaxCandidates = 64;

    public static IReadOnlyList<Core.Profiles.Completion> Complete(string input, int caret, SmtpDialogState state, bool tls, IReadOnlyList<string> ehloNames)
    {
        ArgumentNullException.ThrowIfNull(input);
        caret = Math.Clamp(caret, 0, input.Length);
        var before = input[..caret];
        if (state.Phase == SmtpPhase.Data)
        {
            return [];
        }

        var space = before.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 && !before.Contains(':', StringComparison.Ordinal))
        {
            return Verbs(before, state, tls);
        }

        var command = SmtpCommand.Parse(before);
        var tokenStart = before.LastIndexOf(' ') + 1;
        var token = before[tokenStart..];
        return command.Verb switch
        {
            "EHLO" or "HELO" => Matching(ehloNames, token, tokenStart, "your host name"),
            "AUTH" when tokenStart == 5 => Matching(state.Capabilities?.AuthMechanisms ?? [], token, tokenStart, "advertised mechanism"),
            "MAIL FROM:" or "RCPT TO:" => Envelope(before, command, state),
            "VRFY" or "EXPN" => Matching(state.Addresses, token, tokenStart, "used earlier"),
            _ => [],
        };
    }

    private static IReadOnlyList<Core.Profiles.Completion> Verbs(string prefix, SmtpDialogState state, bool tls) =>
    [
        .. SmtpCommandCatalog.All
            .Where(e => Allowed(e, state, tls) && e.Template.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(e => new Core.Profiles.Completion(e.Template, 0, e.Help)),
    ];

    private static bool Allowed(SmtpCommandCatalog.Entry entry, SmtpDialogState state, bool tls)
    {
        var caps = state.Capabilities;
        if (entry.Capability is { } keyword && caps is not null && !caps.Has(keyword))
        {
            return false;
        }

        return entry.Verb switch
        {
            "STARTTLS" => !tls && caps is { StartTls: true },
            "AUTH" => caps is { AuthMechanisms.Count: > 0 } && !state.Authenticated && !state.InTransaction,
            "MAIL FROM:" => state.Phase == SmtpPhase.Identified,
            "RCPT TO:" => state.Phase is SmtpPhase.Mail or SmtpPhase.Recipients,
            "DATA" => state.Phase == SmtpPhase.Recipients,
            "BDAT" => state.Phase == SmtpPhase.Recipients && caps is not null,
            "VRFY" or "EXPN" or "ETRN" => caps is not null,
            _ => true,
        };
    }

    private static IReadOnlyList<Core.Profiles.Completion> Envelope(string before, SmtpCommand command, SmtpDialogState state)
    {
        var colon = before.IndexOf(':', StringComparison.Ordinal) + 1;
        var close = before.IndexOf('>', colon);
        if (close < 0)
        {
            // Inside the address: offer the ones used before, bracketed, and the null sender for MAIL.
            var typed = before[colon..].TrimStart('<');
            var addresses = command.Verb == "MAIL FROM:" ? state.Addresses.Prepend(string.Empty) : state.Addresses;
            return [.. addresses
                .Where(a => a.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Take(MaxCandidates)
                .Select(a => new Core.Profiles.Completion($"<{a}>", colon, a.Length == 0 ? "null sender (bounces)" : "used earlier"))];
        }

        var tokenStart = before.LastIndexOf(' ') + 1;
        if (tokenStart <= close)
        {
            tokenStart = before.Length;
        }

        var token = before[tokenStart..];
        var prefix = tokenStart == before.Length && !before.EndsWith(' ') ? " " : string.Empty;
        return [.. Parameters(command.Verb, state)
            .Where(p => p.Text.StartsWith(token, StringComparison.OrdinalIgnoreCase))
            .Select(p => p with { Text = prefix + p.Text, ReplaceStart = tokenStart })];
    }

    /// <summary>Only what the server advertised (RFC 1870, 6152, 6531, 3461, 4954).</summary>
    private static IEnumerable<Core.Profiles.Completion> Parameters(string verb, SmtpDialogState state)
    {
        var caps = state.Capabilities;
        if (caps is null)
        {
            yield break;
        }

        if (verb == "MAIL FROM:")
        {
            if (caps.SizeAdvertised)
            {
                yield return new("SIZE=", 0, caps.Size is > 0 ? $"message size; the server accepts up to {caps.Size.Value.ToString("N0", CultureInfo.InvariantCulture)} bytes" : "message size in bytes");
            }

            if (caps.EightBitMime)
            {
                yield return new("BODY=8BITMIME", 0, "the body has 8-bit characters");
            }

            if (caps.SmtpUtf8)
            {
                yield return new("SMTPUTF8", 0, "addresses or headers use UTF-8");
            }

            if (caps.Dsn)
            {
                yield return new("RET=HDRS", 0, "delivery reports carry the headers only");
                yield return new("RET=FULL", 0, "delivery reports carry the whole message");
                yield return new("ENVID=", 0, "an id for delivery reports");
            }

            if (caps.AuthMechanisms.Count > 0)
            {
                yield return new("AUTH=<>", 0, "the submitter's identity");
            }
        }
        else if (caps.Dsn)
        {
            yield return new("NOTIFY=SUCCESS,FAILURE,DELAY", 0, "which delivery reports to send");
            yield return new("NOTIFY=NEVER", 0, "no delivery reports");
            yield return new("ORCPT=rfc822;", 0, "the original recipient, for reports");
        }
    }

    private static IReadOnlyList<Core.Profiles.Completion> Matching(IEnumerable<string> values, string token, int start, string description) =>
    [
        .. values.Where(v => v.StartsWith(token, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxCandidates)
            .Select(v => new Core.Profiles.Completion(v, start, description)),
    ];
}
