using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NetTerm.Smtp.Auth;

/// <summary>
/// AUTH LOGIN (draft-murchison-sasl-login): the server sends base64 "Username:" then "Password:" challenges and
/// the client answers each with one base64 line. The challenge texts are not normative (some servers send
/// "User Name" or localised text), so callers answer by position, not by matching the text.
/// </summary>
internal static class SaslLogin
{
    /// <summary>Both response lines.</summary>
    /// <exception cref="ArgumentException">A value is empty or contains NUL.</exception>
    public static SaslLoginResponses Encode(string user, string password) =>
        new(EncodeUser(user), EncodePassword(password));

    /// <summary>The base64 user line.</summary>
    public static string EncodeUser(string user)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        SaslEncoding.RejectNul(user, nameof(user));
        return SaslEncoding.ToBase64(user.AsSpan());
    }

    /// <summary>The base64 password line; a span overload so a caller holding the password in a char buffer
    /// (a masked input field) need not make a string of it.</summary>
    public static string EncodePassword(ReadOnlySpan<char> password)
    {
        if (password.IsEmpty)
            throw new ArgumentException("must not be empty", nameof(password));
        SaslEncoding.RejectNul(password, nameof(password));
        return SaslEncoding.ToBase64(password);
    }

    /// <summary>The text of a 334 challenge ("VXNlcm5hbWU6" → "Username:"). Invalid UTF-8 shows as U+FFFD: the
    /// text is for display only.</summary>
    /// <exception cref="FormatException">The challenge is not strict base64.</exception>
    public static string DecodeChallenge(string base64) =>
        TryDecodeChallenge(base64, out var text)
            ? text
            : throw new FormatException("LOGIN: the challenge is not valid base64 (answer * to cancel)");

    /// <summary>The text of a 334 challenge, or false when it is not strict base64.</summary>
    public static bool TryDecodeChallenge(string base64, [NotNullWhen(true)] out string? text)
    {
        ArgumentNullException.ThrowIfNull(base64);
        text = Base64Challenge.TryDecode(base64, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
        return text is not null;
    }
}
