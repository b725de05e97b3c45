namespace NetTerm.Core.Transcripts;

/// <summary>How a transcript is opened and laid out.</summary>
public sealed record TranscriptOptions
{
    /// <summary>The smallest accepted <see cref="MaxLineLength"/>; one escape is at most 6 characters.</summary>
    public const int MinimumLineLength = 16;

    /// <summary>Add to an existing file instead of replacing it (the writers' <c>Open</c> only).</summary>
    public bool Append { get; init; }

    /// <summary>Longest line text, counted after escaping. A longer line is split, each piece but the last ending
    /// with the continuation marker " \". This also caps the memory held for a line that never ends.</summary>
    public int MaxLineLength { get; init; } = 4096;

    /// <summary>Shown in the header; defaults to NetTerm.Core's informational version.</summary>
    public string? ProgramVersion { get; init; }

    /// <summary>Clock for lines not stamped by a session event.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
