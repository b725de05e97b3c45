namespace NetTerm.Smtp.Data;

/// <summary>What the Compose form collects. Address fields take RFC 5322 text ("Alice &lt;a@example.com&gt;" or
/// "a@example.com"); a <see cref="To"/> or <see cref="Cc"/> entry may itself hold a comma-separated list.</summary>
/// <param name="From">The header From (not the envelope sender; see <see cref="MessageComposer.EnvelopeMismatch"/>).</param>
/// <param name="To">Header To addresses; at least one.</param>
/// <param name="Cc">Header Cc addresses; may be empty.</param>
/// <param name="Subject">The subject; non-ASCII is RFC 2047-encoded.</param>
/// <param name="Body">Plain-text body; any line-end style, sent as CRLF.</param>
/// <param name="ExtraHeaders">Headers appended after the standard ones; a Date or Message-ID here replaces the
/// generated one.</param>
/// <param name="Allow8Bit">The server advertised 8BITMIME, so a non-ASCII body may go as 8bit instead of
/// quoted-printable.</param>
internal sealed record ComposeRequest(
    string From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string Body,
    IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders,
    bool Allow8Bit);
