using System.Globalization;
using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Text;
using NetTerm.Smtp.Auth;
using NetTerm.Smtp.Dialog;

namespace NetTerm.Smtp.Profile;

/// <summary>"Export…": the `netterm smtp send` command that repeats the session just done, from what went on the
/// wire (EHLO name, STARTTLS, AUTH mechanism and user, the envelope, the last message as sent).</summary>
internal sealed partial class SmtpProfileSession
{
    /// <summary>A message body larger than this is not kept for the export.</summary>
    private const int MaxRecordedBody = 10 * 1024 * 1024;

    private readonly StringBuilder _body = new();
    private string? _lastBody;
    private bool _bodyTooLarge;
    private int _messagesSent;
    private string? _heloName;
    private bool _startTlsSent;
    private string? _authMechanism;
    private string? _authUser;

    /// <summary>Called under the lock for every line that goes out.</summary>
    private void RecordForExport(Step step, PendingLine pending)
    {
        if (step == Step.Body)
        {
            if (pending.IsTerminator)
            {
                _lastBody = _bodyTooLarge ? null : _body.ToString();
                _body.Clear();
                _messagesSent++;
            }
            else if (_body.Length + pending.Line.Length < MaxRecordedBody)
            {
                _body.Append(pending.Line).Append("\r\n");
            }
            else
            {
                _bodyTooLarge = true;
            }

            return;
        }

        if (step != Step.Command)
        {
            return;
        }

        var command = SmtpCommand.Parse(pending.Line);
        switch (command.Verb)
        {
            case "EHLO" or "HELO":
                _heloName = command.Argument.Trim();
                break;
            case "STARTTLS":
                _startTlsSent = true;
                break;
            case "DATA":
                _bodyTooLarge = false;
                _body.Clear();
                break;
            case "AUTH":
                var parts = command.Argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                _authMechanism = parts.Length > 0 ? parts[0].ToUpperInvariant() : null;
                if (_authMechanism == "PLAIN" && parts.Length > 1 && SaslPlain.TryDecode(parts[1], out var plain, out _))
                {
                    _authUser = plain.User;
                }

                break;
        }
    }

    public ReproduceScript? Reproduce(SessionOptions options, string filePrefix)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            var notes = new List<string>();
            var words = new List<string>
            {
                "netterm", "smtp", "send",
                "--server", options.Host,
                "--port", options.Port.ToString(CultureInfo.InvariantCulture),
            };
            words.AddRange(ReproduceArguments.Tls(options, withSni: false));
            if (options.Tls is null)
            {
                words.AddRange(["--starttls", _startTlsSent ? "always" : "never"]);
            }

            if (_heloName is { Length: > 0 } helo)
            {
                words.AddRange(["--helo", helo]);
            }

            if (_authMechanism is { } mechanism)
            {
                words.AddRange(["--auth", mechanism, "--user", _authUser ?? "USER", "--password-env", "NETTERM_PASSWORD"]);
                notes.Add("set NETTERM_PASSWORD to the password first (it is never written to an export)"
                    + (_authUser is null ? "; replace USER with the user name" : string.Empty) + ".");
                if (!_context.IsTls)
                {
                    words.Add("--allow-plaintext-auth");
                }
            }

            var (from, to) = _state.Accepted.Count > 0
                ? (_state.Accepted[^1].From, _state.Accepted[^1].Recipients)
                : (_state.Sender, _state.Recipients);
            var files = new List<ReproduceFile>();
            if (from is not null && to.Count > 0)
            {
                words.AddRange(["--from", from]);
                foreach (var rcpt in to)
                {
                    words.AddRange(["--to", rcpt]);
                }

                if (_lastBody is { } body)
                {
                    var eml = filePrefix + "message.eml";
                    files.Add(new ReproduceFile(eml, body));
                    words.AddRange(["--eml", eml]);
                }
                else if (_bodyTooLarge)
                {
                    notes.Add("the message was larger than 10 MiB and was not kept: add --eml FILE.");
                }
            }
            else
            {
                words.AddRange(["--quit-after", _authMechanism is not null ? "auth" : _startTlsSent ? "tls" : "helo"]);
                notes.Add("no mail transaction was completed in this session; the command stops at the same point.");
            }

            if (_messagesSent > 1)
            {
                notes.Add($"{_messagesSent} messages were sent; the command sends the last one.");
            }

            return new ReproduceScript(ShellWords.Join(words), files, notes);
        }
    }
}
