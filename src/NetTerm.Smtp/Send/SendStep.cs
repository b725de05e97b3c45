namespace NetTerm.Smtp.Send;

/// <summary>One command and its reply. <see cref="Command"/> is what the transcript shows (credentials masked, a
/// message body summarised).</summary>
public sealed record SendStep(string Stage, string Command, DateTimeOffset SentAt, double LatencyMs, SendReply? Reply);
