namespace NetTerm.Core.Terminal;

/// <summary>What the view prints before each line.</summary>
public enum LineTimestampMode
{
    Off,

    /// <summary><c>13:17:36.123 </c>: the line's time of day.</summary>
    WallClock,

    /// <summary><c>+0.042 </c>: seconds since the previous line.</summary>
    Delta,
}
