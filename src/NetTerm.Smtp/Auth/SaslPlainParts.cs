using System.Text;

namespace NetTerm.Smtp.Auth;

/// <summary>The three fields of a PLAIN message (RFC 4616 §2). <see cref="ToString"/> masks the password, so the
/// record can be logged or shown in a debugger watch without leaking it.</summary>
/// <param name="Authzid">The identity to act as; null when the message leaves it empty.</param>
/// <param name="User">The authentication identity (authcid).</param>
/// <param name="Password">The password, as sent.</param>
internal sealed record SaslPlainParts(string? Authzid, string User, string Password)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Authzid = ").Append(Authzid ?? "(none)")
            .Append(", User = ").Append(User)
            .Append(", Password = ****");
        return true;
    }
}
