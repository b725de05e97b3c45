using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Smtp.Auth;
using NetTerm.Smtp.Dialog;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Profile;

internal sealed partial class SmtpProfileSession
{
    private static readonly string[] Mechanisms = ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"];

    /// <summary>Answers the server's 334 challenges of a dialog-driven AUTH; null when the user types responses.</summary>
    private Func<byte[], string>? _responder;

    /// <summary>334 arrived. A dialog-driven exchange answers by itself; an invalid challenge is cancelled with "*"
    /// (RFC 4954 §4) whoever is answering, since no correct response to it exists.</summary>
    private void OnSaslChallenge(SmtpReply reply)
    {
        var text = (reply.Lines.Count > 0 ? reply.Lines[0].Trim() : string.Empty);
        string? response = null;
        if (!Base64Challenge.TryDecode(text, out var challenge))
        {
            _context.Post(new AnnotationEvent("invalid base64 in the 334 challenge: cancelling the exchange with \"*\"", Severity.Warning));
            response = "*";
        }
        else if (_responder is { } responder)
        {
            response = responder(challenge);
        }

        if (response is null)
        {
            return;
        }

        _saslWaiting = false;
        _outstanding.Enqueue(new OutstandingCommand(new SmtpCommand("AUTH", string.Empty), "****", DateTimeOffset.Now, SaslResponse: true));
        _ = SendQuietlyAsync(response, response == "*" ? "*" : "****");
    }

    private async Task SendQuietlyAsync(string line, string shown)
    {
        try
        {
            await _context.SendLineAsync(line, shown, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            // The session closed under us; its ClosedEvent says why.
        }
    }

    /// <summary>The mechanisms the latest EHLO advertised that NetTerm can compute.</summary>
    private IReadOnlyList<string> OfferedMechanisms() =>
        [.. Mechanisms.Where(m => _state.Capabilities?.AuthMechanisms.Contains(m, StringComparer.OrdinalIgnoreCase) ?? false)];

    /// <summary>The credentials dialog for one mechanism. Nothing typed here is kept once the exchange starts.</summary>
    private SubmitReview AuthForm(string mechanism)
    {
        var fields = new List<FormField>
        {
            new("user", mechanism == "XOAUTH2" ? "User (e-mail)" : "User", FormFieldKind.Text) { Required = true },
            new("secret", mechanism == "XOAUTH2" ? "Access token" : "Password", FormFieldKind.Masked) { Required = true },
        };
        if (mechanism == "PLAIN")
        {
            fields.Add(new FormField("authzid", "Authorize as (optional)"));
        }

        var form = new FormRequest($"AUTH {mechanism}", fields, (values, ct) => StartAuth(mechanism, values))
        {
            Describe = _ => _context.IsTls ? null : "WARNING: this session is NOT ENCRYPTED; the credentials travel in the clear",
        };
        return _context.IsTls || _plaintextAuthConfirmed
            ? new SubmitReview.OpenForm(form)
            : new SubmitReview.Confirm(PlaintextAuthQuestion(() => new SubmitReview.OpenForm(form)));
    }

    private Task StartAuth(string mechanism, IReadOnlyDictionary<string, string> values)
    {
        var user = values.GetValueOrDefault("user") ?? string.Empty;
        var secret = values.GetValueOrDefault("secret") ?? string.Empty;
        lock (_lock)
        {
            _authUser = user;
        }

        switch (mechanism)
        {
            case "PLAIN":
                var authzid = values.GetValueOrDefault("authzid");
                return Enqueue("AUTH PLAIN " + SaslPlain.Encode(user, secret, string.IsNullOrEmpty(authzid) ? null : authzid), "AUTH PLAIN ****");
            case "XOAUTH2":
                return Enqueue("AUTH XOAUTH2 " + SaslXOAuth2.Encode(user, secret), "AUTH XOAUTH2 ****");
            case "LOGIN":
                var steps = new Queue<string>([Convert.ToBase64String(Encoding.UTF8.GetBytes(user)), Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))]);
                lock (_lock)
                {
                    _responder = _ => steps.Count > 0 ? steps.Dequeue() : "*";
                }

                return Enqueue("AUTH LOGIN", null);
            default:
                lock (_lock)
                {
                    _responder = challenge => SaslCramMd5.Respond(Convert.ToBase64String(challenge), user, secret);
                }

                return Enqueue("AUTH CRAM-MD5", null);
        }
    }

    private bool _plaintextAuthConfirmed;

    private Confirmation PlaintextAuthQuestion(Func<SubmitReview> then) => new(
        "Authenticate in the clear?",
        "This session is NOT ENCRYPTED. Your credentials would cross the network readable by anyone on the path."
        + (_state.StartTlsOffered ? " The server offers STARTTLS: use it first." : string.Empty)
        + "\n\nSend them anyway, for this session?",
        "AUTH refused: the session is not encrypted (use STARTTLS, or --allow-plaintext-auth)")
    {
        OnYes = () =>
        {
            _plaintextAuthConfirmed = true;
            return then();
        },
    };
}
