using System.Security.Cryptography;
using NetTerm.Core.Transcripts;

namespace NetTerm.Smtp.Auth;

/// <summary>
/// Masks SMTP AUTH secrets in sent lines before they reach a transcript, the scrollback or the input history
/// (the idea of MailKit's <c>SmtpAuthenticationSecretDetector</c>, line-based because we see whole lines).
/// <list type="bullet">
/// <item><c>AUTH &lt;mechanism&gt; &lt;initial-response&gt;</c> → <c>AUTH &lt;mechanism&gt; ****</c>, for any
/// mechanism (PLAIN, LOGIN, XOAUTH2, ...): an initial response is always a credential or part of one.</item>
/// <item>Every line sent between <see cref="BeginExchange"/> and <see cref="EndExchange"/> → <c>****</c>,
/// except a lone <c>*</c> (the client's cancel, RFC 4954 §4) and an empty line (the empty response, e.g. to an
/// XOAUTH2 error challenge): they carry no secret, and a tester wants to see in the transcript what was sent.</item>
/// <item>Outside an exchange, a line that is strict base64 of a PLAIN message (two NUL separators) or of an
/// XOAUTH2 message → <c>****</c>: a credential pasted at the wrong moment is still a credential.</item>
/// </list>
/// The mask never carries a length. <see cref="RedactSent"/> only reads the exchange flag and never changes it,
/// so the transcript writer and the UI may both ask about the same line, in any order, on any thread.
/// </summary>
internal sealed class SmtpSecretRedactor : ISecretRedactor
{
    public const string Mask = "****";

    /// <summary>Longest line the base64 heuristic decodes; XOAUTH2 tokens run to a few KiB, nothing legitimate
    /// comes near this, and it bounds the work per line.</summary>
    private const int MaxHeuristicLength = 16 * 1024;

    // A single flag written by the profile (on the read loop) and read by the transcript writer and the UI:
    // volatile makes the write visible without a lock, and there is no compound state to keep consistent.
    private volatile bool _inExchange;

    /// <summary>True between <see cref="BeginExchange"/> and <see cref="EndExchange"/>.</summary>
    public bool InExchange => _inExchange;

    /// <summary>Called by the profile when the server answered AUTH with 334: from now on, every line the user
    /// sends is a SASL response.</summary>
    public void BeginExchange() => _inExchange = true;

    /// <summary>Called by the profile on the exchange's final reply (235, 4xx, 5xx) or when the connection
    /// closes or is reset.</summary>
    public void EndExchange() => _inExchange = false;

    /// <summary>True when <paramref name="line"/> would be masked, so the UI keeps it out of the history and the
    /// scrollback as well.</summary>
    public bool IsSecret(string line) => RedactSent(line) is not null;

    public string? RedactSent(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.AsSpan().Trim();
        if (_inExchange)
            return text is "*" or "" ? null : Mask;
        if (RedactAuthCommand(text) is { } auth)
            return auth;
        return LooksLikeEncodedCredential(text) ? Mask : null;
    }

    /// <summary><c>AUTH mech initial-response</c> → <c>AUTH mech ****</c> as typed; <c>AUTH mech</c> alone is
    /// not secret (null).</summary>
    private static string? RedactAuthCommand(ReadOnlySpan<char> text)
    {
        if (text.Length < 5 || !text[..4].Equals("AUTH", StringComparison.OrdinalIgnoreCase) || !IsBlank(text[4]))
            return null;
        var rest = text[4..].TrimStart();
        var mechanismEnd = rest.IndexOfAny(' ', '\t');
        if (mechanismEnd < 0)
            return null;
        var mechanism = rest[..mechanismEnd];
        if (rest[mechanismEnd..].Trim().IsEmpty)
            return null;
        return $"{text[..4]} {mechanism} {Mask}";
    }

    private static bool LooksLikeEncodedCredential(ReadOnlySpan<char> text)
    {
        // Short base64 words ("VXNlcm5hbWU6", "=") can be ordinary input; a PLAIN message is at least
        // NUL u NUL p = 4 bytes = 8 characters.
        if (text.Length < 8 || text.Length > MaxHeuristicLength || !Base64Challenge.IsWellFormed(text))
            return false;
        var bytes = new byte[text.Length / 4 * 3];
        try
        {
            if (!Convert.TryFromBase64Chars(text, bytes, out var written))
                return false;
            var decoded = bytes.AsSpan(0, written);
            return decoded.Count((byte)0) >= 2 || IsXOAuth2(decoded);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static bool IsXOAuth2(ReadOnlySpan<byte> decoded) =>
        decoded.StartsWith("user="u8) && decoded.IndexOf("\u0001auth="u8) > 0;

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
