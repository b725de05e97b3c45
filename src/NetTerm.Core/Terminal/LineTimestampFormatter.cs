using System.Globalization;

namespace NetTerm.Core.Terminal;

/// <summary>Formats the per-line timestamp prefix, including its trailing space.</summary>
public static class LineTimestampFormatter
{
    /// <summary>
    /// The prefix for a line stamped <paramref name="timestamp"/>. Wall-clock time is shown in the timestamp's own
    /// offset (session events are stamped with local time). <paramref name="previous"/> is the previous line's
    /// timestamp for <see cref="LineTimestampMode.Delta"/>; the first line (null) shows <c>+0.000</c>. A negative
    /// delta (the clock was set back) is shown as it is rather than hidden.
    /// </summary>
    public static string Format(LineTimestampMode mode, DateTimeOffset timestamp, DateTimeOffset? previous = null)
    {
        switch (mode)
        {
            case LineTimestampMode.WallClock:
                return timestamp.ToString("HH:mm:ss.fff ", CultureInfo.InvariantCulture);
            case LineTimestampMode.Delta:
                var delta = previous is { } p ? timestamp - p : TimeSpan.Zero;
                var seconds = delta.Ticks / (decimal)TimeSpan.TicksPerSecond;
                var sign = delta < TimeSpan.Zero ? "-" : "+";
                return sign + Math.Abs(Math.Round(seconds, 3, MidpointRounding.AwayFromZero))
                    .ToString("0.000", CultureInfo.InvariantCulture) + " ";
            default:
                return string.Empty;
        }
    }
}
