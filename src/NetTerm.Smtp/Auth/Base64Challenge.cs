using System.Diagnostics.CodeAnalysis;

namespace NetTerm.Smtp.Auth;

/// <summary>
/// Strict base64 (RFC 4648 §4, padded) for SASL challenges and responses. <see cref="Convert.FromBase64String"/>
/// skips spaces, tabs and line breaks anywhere in its input; a 334 challenge never contains them, so we reject
/// them: a challenge we cannot decode exactly is answered with <c>*</c>, which cancels the exchange (RFC 4954 §4).
/// </summary>
internal static class Base64Challenge
{
    /// <summary>Decodes <paramref name="text"/> when it is canonical-length, padded base64 with no whitespace.
    /// The empty string is valid (an empty challenge, "334 ").</summary>
    public static bool TryDecode(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = null;
        if (!IsWellFormed(text))
            return false;
        var buffer = new byte[text.Length / 4 * 3];
        // Convert still checks the alphabet and where '=' may stand; we only added what it tolerates.
        if (!Convert.TryFromBase64String(text, buffer, out var written))
            return false;
        bytes = written == buffer.Length ? buffer : buffer[..written];
        return true;
    }

    /// <summary>True when <paramref name="text"/> passes the checks <see cref="TryDecode"/> makes before
    /// decoding: a multiple of four characters, alphabet and padding only, padding only at the end.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        if (text.Length % 4 != 0)
            return false;
        var padding = text.EndsWith("==") ? 2 : text.EndsWith("=") ? 1 : 0;
        for (var i = 0; i < text.Length - padding; i++)
        {
            if (!IsAlphabet(text[i]))
                return false;
        }

        return true;
    }

    private static bool IsAlphabet(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/';
}
