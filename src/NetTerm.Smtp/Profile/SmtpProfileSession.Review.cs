using System.Net;
using System.Net.NetworkInformation;
using NetTerm.Core.Profiles;
using NetTerm.Smtp.Dialog;

namespace NetTerm.Smtp.Profile;

internal sealed partial class SmtpProfileSession
{
    /// <summary>Looks at a line before it is queued: AUTH without data opens the credentials dialog, AUTH in the clear
    /// asks first (headless: refused unless allowed), an out-of-sequence command gets a warning first.</summary>
    public SubmitReview Review(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_lock)
        {
            if (_state.Phase == SmtpPhase.Data || _saslWaiting)
            {
                return SubmitReview.Send;
            }

            var command = SmtpCommand.Parse(line);
            if (command.Verb == "AUTH")
            {
                return ReviewAuth(command);
            }

            // Headless lines are read ahead of the replies, so their order is judged when each goes out (the pump).
            if (_context.Interactive && SequenceProblem(command) is { } problem)
            {
                return new SubmitReview.Confirm(new Confirmation("Out of sequence", $"{problem}.\n\nSend it anyway?", problem));
            }

            return SubmitReview.Send;
        }
    }

    private SubmitReview ReviewAuth(SmtpCommand command)
    {
        var parts = command.Argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var mechanism = parts.Length > 0 ? parts[0].ToUpperInvariant() : null;
        if (_state.InTransaction)
        {
            var problem = "AUTH inside a mail transaction is not allowed (RFC 4954 §4): RSET first";
            if (!_context.Interactive)
            {
                _context.Post(new AnnotationEvent($"warning: {problem} (sent anyway)", Severity.Warning));
            }
            else
            {
                return new SubmitReview.Confirm(new Confirmation("Out of sequence", $"{problem}.\n\nSend it anyway?", problem));
            }
        }

        if (parts.Length == 1 && _context.Interactive && Mechanisms.Contains(mechanism))
        {
            return AuthForm(mechanism!);
        }

        // Headless lines are read ahead of the replies (a STARTTLS before this AUTH may not have happened yet): the
        // pump judges plaintext AUTH when the line is about to go out.
        if (_context.IsTls || _plaintextAuthConfirmed || !_context.Interactive)
        {
            return SubmitReview.Send;
        }

        return new SubmitReview.Confirm(PlaintextAuthQuestion(() => SubmitReview.Send));
    }

    /// <summary>Testing wrong sequences is legitimate, so this warns rather than blocks.</summary>
    /// <remarks>Commands still awaiting their reply count as done (a PIPELINING group is judged as a whole).</remarks>
    private string? SequenceProblem(SmtpCommand command) => command.Verb switch
    {
        "MAIL FROM:" when _state.Phase == SmtpPhase.Connected && !Pending("EHLO") && !Pending("HELO") => "MAIL before EHLO/HELO",
        "MAIL FROM:" when _state.InTransaction || Pending("MAIL FROM:") => "a second MAIL inside a transaction (RSET first)",
        "RCPT TO:" when !_state.InTransaction && !Pending("MAIL FROM:") => "RCPT before MAIL",
        "DATA" when _state.Phase != SmtpPhase.Recipients && !Pending("RCPT TO:") => "DATA without an accepted RCPT",
        "STARTTLS" when _context.IsTls => "STARTTLS on a session that is already encrypted",
        "STARTTLS" when _state.Capabilities is { StartTls: false } => "the server did not offer STARTTLS",
        _ => null,
    };

    private bool Pending(string verb) => _outstanding.Any(o => o.Command.Verb == verb);

    /// <summary>This machine's name with its domain when it has one; otherwise an address literal of our end.</summary>
    private string EhloName()
    {
        if (_options.EhloName is { Length: > 0 } configured)
        {
            return configured;
        }

        var properties = IPGlobalProperties.GetIPGlobalProperties();
        var host = properties.HostName;
        if (!string.IsNullOrEmpty(properties.DomainName) && !host.Contains('.', StringComparison.Ordinal))
        {
            host = $"{host}.{properties.DomainName}";
        }

        return host.Contains('.', StringComparison.Ordinal) ? host : AddressLiteral() ?? host;
    }

    private string? AddressLiteral() => _context.LocalEndPoint is IPEndPoint { Address: var address }
        ? address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[IPv6:{address}]" : $"[{address}]"
        : null;

    public IReadOnlyList<Core.Profiles.Completion> Complete(string input, int caret)
    {
        lock (_lock)
        {
            var names = new List<string> { EhloName() };
            if (AddressLiteral() is { } literal)
            {
                names.Add(literal);
            }

            return Completion.SmtpCompletionProvider.Complete(input, caret, _state, _context.IsTls, names);
        }
    }
}
