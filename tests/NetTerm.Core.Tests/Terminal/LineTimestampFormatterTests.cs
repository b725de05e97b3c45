using NetTerm.Core.Terminal;

namespace NetTerm.Core.Tests.Terminal;

public sealed class LineTimestampFormatterTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 13, 17, 36, 123, TimeSpan.FromHours(2));

    [Fact]
    public void Format_WallClock_ShowsTimeOfDayInOwnOffset()
    {
        Assert.Equal("13:17:36.123 ", LineTimestampFormatter.Format(LineTimestampMode.WallClock, T0));
    }

    [Theory]
    [InlineData(42, "+0.042 ")]
    [InlineData(125_300, "+125.300 ")]
    [InlineData(-10, "-0.010 ")]
    public void Format_Delta_ShowsSecondsSincePrevious(int milliseconds, string expected)
    {
        Assert.Equal(expected, LineTimestampFormatter.Format(LineTimestampMode.Delta, T0.AddMilliseconds(milliseconds), T0));
    }

    [Fact]
    public void Format_DeltaWithoutPreviousOrOff_ZeroOrEmpty()
    {
        Assert.Equal("+0.000 ", LineTimestampFormatter.Format(LineTimestampMode.Delta, T0));
        Assert.Equal("", LineTimestampFormatter.Format(LineTimestampMode.Off, T0));
    }
}
