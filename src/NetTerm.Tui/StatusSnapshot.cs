using NetTerm.Core.Transport;

namespace NetTerm.Tui;

/// <summary>Everything the status bar shows, gathered on the UI thread once a second or after a batch of events.</summary>
internal sealed record StatusSnapshot(
    string Target,
    string Mode,
    LinkState State,
    string? Reason,
    CertificateSummary? Tls,
    long BytesIn,
    long BytesOut,
    TimeSpan? Uptime,
    string? LogFile,
    bool CharMode = false,
    bool EchoOff = false);

/// <summary>How a status segment is coloured.</summary>
internal enum StatusTone
{
    Normal,
    Good,
    Warning,
    Bad,
    Hint,
}

/// <summary>One piece of the status bar.</summary>
internal readonly record struct StatusSegment(string Text, StatusTone Tone);
