namespace NetTerm.Smtp.Dialog;

/// <summary>A message the server accepted (2xx to the final "."), with its queue id when the reply names one.</summary>
internal sealed record AcceptedMessage(string? QueueId, string From, IReadOnlyList<string> Recipients, DateTimeOffset At);
