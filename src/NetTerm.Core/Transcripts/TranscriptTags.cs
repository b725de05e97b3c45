namespace NetTerm.Core.Transcripts;

/// <summary>The direction tags of a text transcript, after swaks's legend. All are three characters wide so the
/// text column lines up.</summary>
public static class TranscriptTags
{
    public const string Received = "<- ";
    public const string Sent = " ->";
    public const string ReceivedTls = "<~ ";
    public const string SentTls = " ~>";

    /// <summary>Errors and warnings ("**"; swaks writes "***"), padded to the common width.</summary>
    public const string Error = "** ";

    public const string Info = "===";

    /// <summary>Ends a line that was split because it exceeded the line length cap; the next line continues it.</summary>
    public const string ContinuationMarker = " \\";

    /// <summary>The line timestamp: ISO 8601 local time with milliseconds and UTC offset.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";
}
