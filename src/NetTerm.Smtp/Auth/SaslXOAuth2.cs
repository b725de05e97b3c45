namespace NetTerm.Smtp.Auth;

/// <summary>
/// XOAUTH2 (Google's / Microsoft's SASL profile for OAuth 2.0 bearer tokens):
/// <c>user={user}^Aauth=Bearer {token}^A^A</c>, base64. On failure the server sends a 334 with a base64 JSON
/// error; the client answers with an empty line to get the final 5xx.
/// </summary>
internal static class SaslXOAuth2
{
    /// <summary>The base64 initial response for <c>AUTH XOAUTH2</c>.</summary>
    /// <exception cref="ArgumentException">A value is empty or contains NUL or ^A (the field separator).</exception>
    public static string Encode(string user, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentException.ThrowIfNullOrEmpty(token);
        SaslEncoding.RejectNul(user, nameof(user));
        SaslEncoding.RejectNul(token, nameof(token));
        if (user.Contains('\u0001', StringComparison.Ordinal) || token.Contains('\u0001', StringComparison.Ordinal))
            throw new ArgumentException("must not contain U+0001, the XOAUTH2 field separator");
        return SaslEncoding.ToBase64("user=", user, "\u0001auth=Bearer ", token, "\u0001\u0001");
    }
}
