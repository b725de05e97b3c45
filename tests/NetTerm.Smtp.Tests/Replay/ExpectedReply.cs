using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Tests.Replay;

/// <summary>"! expect 250 flags=BareLf lines=2 enhanced=2.0.0": what the parser must yield next.</summary>
/// <param name="Code">The reply code (0 for a non-numeric line).</param>
/// <param name="Flags">The exact flags (None unless given).</param>
/// <param name="Lines">The number of lines, when given.</param>
/// <param name="Enhanced">The enhanced status code; null means the reply must have none.</param>
internal sealed record ExpectedReply(int Code, SmtpReplyFlags Flags, int? Lines, string? Enhanced);
