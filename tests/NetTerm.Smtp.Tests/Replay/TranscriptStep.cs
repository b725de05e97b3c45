namespace NetTerm.Smtp.Tests.Replay;

/// <summary>One line of a transcript.</summary>
/// <param name="Kind">What the line is.</param>
/// <param name="Bytes">For server steps, the exact bytes sent (CRLF included for "S:"); else empty.</param>
/// <param name="Text">For client steps the expected line without CRLF; for server steps the source text.</param>
/// <param name="Expected">For expect steps, the expected reply.</param>
internal sealed record TranscriptStep(TranscriptStepKind Kind, byte[] Bytes, string Text, ExpectedReply? Expected);
