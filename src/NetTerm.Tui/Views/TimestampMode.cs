using System.Globalization;

namespace NetTerm.Tui.Views;

/// <summary>Per-line timestamps (Ctrl+T cycles). TEMPORARY until feat/view's LineTimestampMode lands.</summary>
internal enum TimestampMode
{
    Off,
    WallClock,
    Delta,
}

/// <summary>The prefix drawn before a line for a <see cref="TimestampMode"/>.</summary>
internal static class TimestampFormat
{
    public static string Prefix(TimestampMode mode, DateTimeOffset at, DateTimeOffset? previous) => mode switch
    {
        TimestampMode.WallClock => at.ToString("HH:mm:ss.fff ", CultureInfo.InvariantCulture),
        TimestampMode.Delta => Delta(previous is { } p ? at - p : TimeSpan.Zero),
        _ => string.Empty,
    };

    public static TimestampMode Next(TimestampMode mode) => mode switch
    {
        TimestampMode.Off => TimestampMode.WallClock,
        TimestampMode.WallClock => TimestampMode.Delta,
        _ => TimestampMode.Off,
    };

    private static string Delta(TimeSpan d)
    {
        if (d < TimeSpan.Zero)
        {
            d = TimeSpan.Zero;
        }

        return d.TotalSeconds < 1000
            ? string.Create(CultureInfo.InvariantCulture, $"+{d.TotalSeconds,7:0.000} ")
            : string.Create(CultureInfo.InvariantCulture, $"+{d.TotalSeconds,7:0} ");
    }
}
