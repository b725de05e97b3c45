namespace NetTerm.Smtp.Capabilities;

/// <summary>One extension line of an EHLO reply.</summary>
/// <param name="Name">The keyword as the server wrote it ("AUTH", "size"); the obsolete "AUTH=LOGIN PLAIN" form
/// is stored as "AUTH=" with the mechanisms as parameters.</param>
/// <param name="Parameters">The space-separated words after the keyword, at most
/// <see cref="EhloCapabilities.MaxParameters"/>.</param>
/// <param name="Line">The whole line as received, for display.</param>
internal sealed record EhloKeyword(string Name, IReadOnlyList<string> Parameters, string Line)
{
    /// <summary>Whether the keyword is <paramref name="name"/>, ignoring case (RFC 5321 §2.4).</summary>
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
