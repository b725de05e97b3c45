using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;

namespace NetTerm.Tui;

/// <summary>
/// Calls the profile's redactor exactly once per sent line, and shares the answer between the transcript, the
/// scrollback and the history. A redactor may keep state ("the next line is the AUTH LOGIN password"), so asking it
/// twice about one line would be wrong. Installed as the transcript's redactor; used on the event pump thread only.
/// </summary>
internal sealed class RedactionGate(ISecretRedactor? inner) : ISecretRedactor
{
    private string? _line;
    private string? _masked;

    /// <summary>The event as the UI may show it: a sent line the redactor masks is replaced by its masked text, and
    /// <paramref name="masked"/> says so (such a line never enters the history).</summary>
    public SessionEvent Process(SessionEvent e, out bool masked)
    {
        masked = e is LineSentEvent { Redacted: true };
        if (e is not LineSentEvent { Hidden: false, Redacted: false } sent || inner is null)
        {
            return e;
        }

        _line = sent.Text;
        _masked = inner.RedactSent(sent.Text);
        if (_masked is null)
        {
            return e;
        }

        masked = true;
        return sent with { Text = _masked };
    }

    /// <summary>The transcript asks about the line <see cref="Process"/> just looked at: answer from the cache.</summary>
    string? ISecretRedactor.RedactSent(string line) =>
        ReferenceEquals(line, _line) || string.Equals(line, _line, StringComparison.Ordinal) ? _masked : inner?.RedactSent(line);
}
