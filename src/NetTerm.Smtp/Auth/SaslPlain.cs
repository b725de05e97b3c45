using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace NetTerm.Smtp.Auth;

/// <summary>SASL PLAIN (RFC 4616): <c>[authzid] NUL authcid NUL passwd</c>, UTF-8, base64 on the wire.</summary>
internal static class SaslPlain
{
    /// <summary>The base64 initial response for <c>AUTH PLAIN</c>. An empty or null <paramref name="authzid"/>
    /// means "act as <paramref name="user"/>".</summary>
    /// <exception cref="ArgumentException">A value contains NUL, or the user or password is empty.</exception>
    public static string Encode(string user, string password, string? authzid = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentException.ThrowIfNullOrEmpty(password);
        SaslEncoding.RejectNul(user, nameof(user));
        SaslEncoding.RejectNul(password, nameof(password));
        SaslEncoding.RejectNul(authzid, nameof(authzid));
        return SaslEncoding.ToBase64(authzid ?? string.Empty, "\0", user, "\0", password);
    }

    /// <summary>Splits a base64 PLAIN message into its fields.</summary>
    /// <exception cref="FormatException">The input is not a PLAIN message; the message is one line.</exception>
    public static SaslPlainParts Decode(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        return TryDecode(base64, out var parts, out var error) ? parts : throw new FormatException(error);
    }

    /// <summary>Splits a base64 PLAIN message into its fields, or says in one line why it is not one.</summary>
    public static bool TryDecode(
        string base64,
        [NotNullWhen(true)] out SaslPlainParts? parts,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(base64);
        parts = null;
        var text = base64.Trim();
        if (text.Length == 0)
        {
            error = "PLAIN: empty input";
            return false;
        }

        if (!Base64Challenge.TryDecode(text, out var bytes))
        {
            error = "PLAIN: not valid base64 (padded, A-Z a-z 0-9 + /, no spaces)";
            return false;
        }

        try
        {
            return TrySplit(bytes, out parts, out error);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static bool TrySplit(
        ReadOnlySpan<byte> bytes,
        [NotNullWhen(true)] out SaslPlainParts? parts,
        [NotNullWhen(false)] out string? error)
    {
        parts = null;
        var nuls = bytes.Count((byte)0);
        if (nuls != 2)
        {
            error = $"PLAIN: expected authzid NUL user NUL password (2 NUL separators), found {nuls}";
            return false;
        }

        var first = bytes.IndexOf((byte)0);
        var second = first + 1 + bytes[(first + 1)..].IndexOf((byte)0);
        string authzid, user, password;
        try
        {
            authzid = SaslEncoding.StrictUtf8.GetString(bytes[..first]);
            user = SaslEncoding.StrictUtf8.GetString(bytes[(first + 1)..second]);
            password = SaslEncoding.StrictUtf8.GetString(bytes[(second + 1)..]);
        }
        catch (ArgumentException)
        {
            // DecoderFallbackException: RFC 4616 fields are UTF-8; say so rather than show replacement characters.
            error = "PLAIN: a field is not valid UTF-8";
            return false;
        }

        if (user.Length == 0 || password.Length == 0)
        {
            error = user.Length == 0 ? "PLAIN: the user (authcid) is empty" : "PLAIN: the password is empty";
            return false;
        }

        parts = new SaslPlainParts(authzid.Length == 0 ? null : authzid, user, password);
        error = null;
        return true;
    }
}
