using NetTerm.Smtp.Auth;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Send;

/// <summary>AUTH: the response computed here, shown and recorded only as "****".</summary>
public sealed partial class SmtpSender
{
    private const string Masked = "****";

    private async Task AuthenticateAsync(CancellationToken ct)
    {
        if (_options.AuthMechanism is not { } mechanism)
        {
            return;
        }

        var user = _options.User ?? string.Empty;
        var password = _options.Password ?? string.Empty;
        if (!Tls && !_options.AllowPlaintextAuth)
        {
            throw new SendFailure(SendStage.Auth,
                "AUTH refused: the session is not encrypted (STARTTLS was not offered or not used); --allow-plaintext-auth sends it anyway");
        }

        var offered = _capabilities?.AuthMechanisms ?? [];
        if (!offered.Contains(mechanism, StringComparer.OrdinalIgnoreCase))
        {
            throw new SendFailure(SendStage.Auth, offered.Count == 0
                ? $"the server offers no AUTH{(Tls ? string.Empty : " (many offer it only after STARTTLS)")}"
                : $"the server does not offer AUTH {mechanism} (it offers {string.Join(' ', offered)})");
        }

        var reply = mechanism switch
        {
            "PLAIN" => await CommandAsync(SendStage.Auth, "AUTH PLAIN " + SaslPlain.Encode(user, password), "AUTH PLAIN " + Masked, ct).ConfigureAwait(false),
            "XOAUTH2" => await XOAuth2Async(user, password, ct).ConfigureAwait(false),
            "LOGIN" => await LoginAsync(user, password, ct).ConfigureAwait(false),
            _ => await CramMd5Async(user, password, ct).ConfigureAwait(false),
        };
        Expect(SendStage.Auth, reply, "AUTH " + mechanism, 235);
    }

    private async Task<SmtpReply> LoginAsync(string user, string password, CancellationToken ct)
    {
        var reply = await CommandAsync(SendStage.Auth, "AUTH LOGIN", null, ct).ConfigureAwait(false);
        if (reply.Code != 334)
        {
            return reply;
        }

        reply = await CommandAsync(SendStage.Auth, SaslLogin.EncodeUser(user), Masked, ct).ConfigureAwait(false);
        return reply.Code != 334 ? reply : await CommandAsync(SendStage.Auth, SaslLogin.EncodePassword(password), Masked, ct).ConfigureAwait(false);
    }

    private async Task<SmtpReply> CramMd5Async(string user, string password, CancellationToken ct)
    {
        var reply = await CommandAsync(SendStage.Auth, "AUTH CRAM-MD5", null, ct).ConfigureAwait(false);
        if (reply.Code != 334)
        {
            return reply;
        }

        var challenge = reply.Lines.Count > 0 ? reply.Lines[0].Trim() : string.Empty;
        if (!Base64Challenge.TryDecode(challenge, out _))
        {
            // RFC 4954 §4: no correct answer exists; cancel the exchange.
            await CommandAsync(SendStage.Auth, "*", null, ct).ConfigureAwait(false);
            throw new SendFailure(SendStage.Auth, "AUTH CRAM-MD5: the server's challenge is not valid base64; cancelled with \"*\"");
        }

        return await CommandAsync(SendStage.Auth, SaslCramMd5.Respond(challenge, user, password), Masked, ct).ConfigureAwait(false);
    }

    private async Task<SmtpReply> XOAuth2Async(string user, string token, CancellationToken ct)
    {
        var reply = await CommandAsync(SendStage.Auth, "AUTH XOAUTH2 " + SaslXOAuth2.Encode(user, token), "AUTH XOAUTH2 " + Masked, ct).ConfigureAwait(false);
        // A failure arrives as a 334 with a JSON error; an empty line ends the exchange and draws the final 5xx.
        return reply.Code == 334 ? await CommandAsync(SendStage.Auth, string.Empty, null, ct).ConfigureAwait(false) : reply;
    }
}
