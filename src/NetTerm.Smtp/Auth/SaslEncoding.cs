using System.Security.Cryptography;
using System.Text;

namespace NetTerm.Smtp.Auth;

/// <summary>
/// UTF-8 ↔ base64 for SASL responses, with the intermediate bytes zeroed afterwards: the base64 string is what the
/// caller sends (and the redactor masks), but a plain UTF-8 copy of a password should not linger on the heap.
/// </summary>
internal static class SaslEncoding
{
    /// <summary>Throws on invalid bytes, so a decoded credential is never silently altered.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Base64 of the UTF-8 bytes of the concatenated <paramref name="parts"/>.</summary>
    public static string ToBase64(params ReadOnlySpan<string> parts)
    {
        var length = 0;
        foreach (var part in parts)
            length += Encoding.UTF8.GetByteCount(part);
        var bytes = new byte[length];
        try
        {
            var written = 0;
            foreach (var part in parts)
                written += Encoding.UTF8.GetBytes(part, bytes.AsSpan(written));
            return Convert.ToBase64String(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Base64 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string ToBase64(ReadOnlySpan<char> text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        try
        {
            Encoding.UTF8.GetBytes(text, bytes);
            return Convert.ToBase64String(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>A NUL in a user name or password would be read as PLAIN's separator (RFC 4616 §2) or cut a
    /// LOGIN / XOAUTH2 value short, so it is refused up front instead of producing a response that means
    /// something else.</summary>
    public static void RejectNul(ReadOnlySpan<char> value, string paramName)
    {
        if (value.Contains('\0'))
            throw new ArgumentException("must not contain NUL (U+0000)", paramName);
    }
}
