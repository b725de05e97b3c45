using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace NetTerm.Smtp.Auth;

/// <summary>CRAM-MD5 (RFC 2195): the response is <c>user SP lowercase-hex(HMAC-MD5(password, challenge))</c>.</summary>
internal static class SaslCramMd5
{
    /// <summary>The base64 response to the base64 <paramref name="challengeBase64"/> (the text after "334 ").</summary>
    /// <exception cref="FormatException">The challenge is not strict base64.</exception>
    /// <exception cref="ArgumentException">The user or password is empty or contains NUL.</exception>
    public static string Respond(string challengeBase64, string user, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Respond(challengeBase64, user, password.AsSpan());
    }

    /// <inheritdoc cref="Respond(string, string, string)"/>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms",
        Justification = "CRAM-MD5 is defined as HMAC-MD5; we implement the mechanism a server offers, not choose it.")]
    public static string Respond(string challengeBase64, string user, ReadOnlySpan<char> password)
    {
        ArgumentNullException.ThrowIfNull(challengeBase64);
        ArgumentException.ThrowIfNullOrEmpty(user);
        if (password.IsEmpty)
            throw new ArgumentException("must not be empty", nameof(password));
        SaslEncoding.RejectNul(user, nameof(user));
        SaslEncoding.RejectNul(password, nameof(password));
        if (!Base64Challenge.TryDecode(challengeBase64, out var challenge))
            throw new FormatException("CRAM-MD5: the challenge is not valid base64 (answer * to cancel)");

        var key = new byte[Encoding.UTF8.GetByteCount(password)];
        Span<byte> mac = stackalloc byte[HMACMD5.HashSizeInBytes];
        try
        {
            Encoding.UTF8.GetBytes(password, key);
            HMACMD5.HashData(key, challenge, mac);
            return SaslEncoding.ToBase64(user, " ", Convert.ToHexStringLower(mac));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(mac);
        }
    }
}
