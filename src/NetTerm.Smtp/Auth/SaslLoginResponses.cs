namespace NetTerm.Smtp.Auth;

/// <summary>The two lines a client sends for AUTH LOGIN, each base64. <see cref="ToString"/> masks both.</summary>
/// <param name="UserLine">Answer to the "Username:" challenge (or the initial response of <c>AUTH LOGIN</c>).</param>
/// <param name="PasswordLine">Answer to the "Password:" challenge.</param>
internal sealed record SaslLoginResponses(string UserLine, string PasswordLine)
{
    public override string ToString() => $"{nameof(SaslLoginResponses)} {{ UserLine = ****, PasswordLine = **** }}";
}
