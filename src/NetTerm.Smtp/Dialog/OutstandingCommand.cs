namespace NetTerm.Smtp.Dialog;

/// <summary>A command on the wire that has not been answered yet. <see cref="Shown"/> is the redacted text.</summary>
internal sealed record OutstandingCommand(SmtpCommand Command, string Shown, DateTimeOffset SentAt, bool SaslResponse = false)
{
    /// <summary>Sent while earlier commands were still unanswered (a PIPELINING group): its reply names it.</summary>
    public bool Pipelined { get; init; }
}
