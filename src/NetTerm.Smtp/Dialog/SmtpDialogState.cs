using NetTerm.Smtp.Capabilities;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Dialog;

/// <summary>
/// The protocol state of one SMTP session, driven by the commands sent and the replies paired with them. It knows
/// nothing about sockets or screens; the profile session asks it what happened and what is allowed.
/// </summary>
internal sealed class SmtpDialogState
{
    private const int MaxRecipients = 1000;
    private const int MaxRememberedAddresses = 50;
    private readonly List<string> _recipients = [];
    private readonly List<AcceptedMessage> _accepted = [];
    private readonly List<string> _addresses = [];

    public SmtpPhase Phase { get; private set; } = SmtpPhase.Greeting;

    public EhloCapabilities? Capabilities { get; private set; }

    /// <summary>EHLO succeeded (HELO or a 5xx to EHLO means plain SMTP).</summary>
    public bool Esmtp { get; private set; }

    public bool Tls { get; set; }

    public bool Authenticated { get; private set; }

    /// <summary>STARTTLS was answered with something other than 220 (454, 502…): the session stays plaintext.</summary>
    public string? StartTlsRefused { get; private set; }

    public string? Sender { get; private set; }

    public IReadOnlyList<string> Recipients => _recipients;

    public IReadOnlyList<AcceptedMessage> Accepted => _accepted;

    /// <summary>Addresses typed earlier in the session, newest first, for completion.</summary>
    public IReadOnlyList<string> Addresses => _addresses;

    /// <summary>The name the client gave in its last accepted EHLO or HELO (said again after STARTTLS).</summary>
    public string? ClientName { get; private set; }

    /// <summary>The server offered STARTTLS in its latest EHLO.</summary>
    public bool StartTlsOffered => Capabilities?.StartTls ?? false;

    public bool InTransaction => Phase is SmtpPhase.Mail or SmtpPhase.Recipients or SmtpPhase.Data or SmtpPhase.DataSent;

    /// <summary>Applies a reply to the command it answers (null: the greeting or an unsolicited reply).</summary>
    public ReplyEffect Apply(OutstandingCommand? command, SmtpReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.IsViolation)
        {
            return ReplyEffect.None;
        }

        if (reply.Code == 421)
        {
            Phase = SmtpPhase.Closing;
            return ReplyEffect.Closing;
        }

        if (command is null)
        {
            if (Phase == SmtpPhase.Greeting)
            {
                Phase = reply.Code == 220 ? SmtpPhase.Connected : SmtpPhase.Closing;
            }

            return ReplyEffect.None;
        }

        if (command.SaslResponse || command.Command.Verb == "AUTH")
        {
            return ApplyAuth(reply);
        }

        var positive = reply.ReplyClass == 2;
        switch (command.Command.Verb)
        {
            case "EHLO":
                if (positive)
                {
                    ClientName = NameOrNull(command.Command.Argument);
                    Capabilities = EhloCapabilities.Parse(reply);
                    Esmtp = true;
                    EndTransaction(SmtpPhase.Identified);
                }

                break;
            case "HELO":
                if (positive)
                {
                    ClientName = NameOrNull(command.Command.Argument);
                    Capabilities = null;
                    Esmtp = false;
                    EndTransaction(SmtpPhase.Identified);
                }

                break;
            case "STARTTLS":
                if (reply.Code == 220)
                {
                    return ReplyEffect.UpgradeNow;
                }

                StartTlsRefused = $"{reply.Code} {(reply.Lines.Count > 0 ? reply.Lines[0] : string.Empty)}".Trim();
                break;
            case "MAIL FROM:":
                Remember(command.Command.Address);
                if (positive)
                {
                    Sender = command.Command.Address ?? string.Empty;
                    _recipients.Clear();
                    Phase = SmtpPhase.Mail;
                }

                break;
            case "RCPT TO:":
                Remember(command.Command.Address);
                if (positive && Phase is SmtpPhase.Mail or SmtpPhase.Recipients && _recipients.Count < MaxRecipients)
                {
                    _recipients.Add(command.Command.Address ?? string.Empty);
                    Phase = SmtpPhase.Recipients;
                }

                break;
            case "DATA":
                if (reply.Code == 354)
                {
                    Phase = SmtpPhase.Data;
                    return ReplyEffect.DataMode;
                }

                break;
            case ".":
                return ApplyEndOfData(reply);
            case "RSET":
                if (positive)
                {
                    EndTransaction(Phase == SmtpPhase.Connected ? SmtpPhase.Connected : SmtpPhase.Identified);
                }

                break;
            case "QUIT":
                Phase = SmtpPhase.Closing;
                return ReplyEffect.Closing;
        }

        return ReplyEffect.None;
    }

    /// <summary>The body's final "." was sent: the reply to it decides whether the message was accepted.</summary>
    public void DataEnded() => Phase = SmtpPhase.DataSent;

    /// <summary>TLS is up: RFC 3207 §4.2 says forget everything learned before it, and say EHLO again.</summary>
    public void TlsEstablished()
    {
        Tls = true;
        Capabilities = null;
        Esmtp = false;
        Authenticated = false;
        StartTlsRefused = null;
        EndTransaction(SmtpPhase.Connected);
    }

    private ReplyEffect ApplyAuth(SmtpReply reply)
    {
        if (reply.Code == 334)
        {
            return ReplyEffect.SaslChallenge;
        }

        if (reply.ReplyClass == 2)
        {
            Authenticated = true;
        }

        return ReplyEffect.SaslDone;
    }

    private ReplyEffect ApplyEndOfData(SmtpReply reply)
    {
        var accepted = reply.ReplyClass == 2;
        if (accepted)
        {
            _accepted.Add(new AcceptedMessage(QueueId(reply), Sender ?? string.Empty, [.. _recipients], DateTimeOffset.Now));
            if (_accepted.Count > 100)
            {
                _accepted.RemoveAt(0);
            }
        }

        EndTransaction(SmtpPhase.Identified);
        return accepted ? ReplyEffect.MessageAccepted : ReplyEffect.MessageRejected;
    }

    private void EndTransaction(SmtpPhase next)
    {
        Sender = null;
        _recipients.Clear();
        Phase = next;
    }

    private void Remember(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > 320)
        {
            return;
        }

        _addresses.Remove(address);
        _addresses.Insert(0, address);
        if (_addresses.Count > MaxRememberedAddresses)
        {
            _addresses.RemoveAt(_addresses.Count - 1);
        }
    }

    /// <summary>"250 2.0.0 Ok: queued as 4Xk2s1" (Postfix), "250 OK id=1rXyz-000abc-Q1" (Exim), "… queued as <id>".</summary>
    internal static string? QueueId(SmtpReply reply)
    {
        var text = string.Join(' ', reply.Lines);
        foreach (var marker in new[] { "queued as ", "id=", "Queued mail for delivery -> " })
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var rest = text[(at + marker.Length)..].Trim().TrimStart('<');
                var end = rest.IndexOfAny([' ', '>', ';', ',']);
                return end < 0 ? rest : rest[..end];
            }
        }

        return null;
    }

    private static string? NameOrNull(string argument) =>
        argument.Trim() is { Length: > 0 } name && !name.Contains(' ', StringComparison.Ordinal) ? name : null;
}
