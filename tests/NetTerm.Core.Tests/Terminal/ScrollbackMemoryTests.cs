using NetTerm.Core.Terminal;
using Xunit.Abstractions;

namespace NetTerm.Core.Tests.Terminal;

[Collection(MemoryMeasurement.Name)]
public sealed class ScrollbackMemoryTests(ITestOutputHelper output)
{
    private const int LineLength = 80;

    [Fact]
    public void Append_OneMillionAsciiLines_ManagedGrowthAtMost1Point6TimesUtf8Size()
    {
        var text = MakeText();
        var timestamp = DateTimeOffset.Now;

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var scrollback = new Scrollback(maxLines: 1_000_000);
        for (var i = 0; i < 1_000_000; i++)
            scrollback.Append(LineKind.Received, text.AsSpan(i % 64, LineLength), [], timestamp);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var utf8 = 1_000_000L * LineLength;
        var ratio = (after - before) / (double)utf8;
        output.WriteLine($"1,000,000 x {LineLength} chars: managed growth {(after - before) / 1e6:F1} MB for {utf8 / 1e6:F1} MB of UTF-8, ratio {ratio:F3}");
        Assert.Equal(1_000_000, scrollback.Count);
        Assert.Equal(text.Substring(999_999 % 64, LineLength), scrollback.GetLine(999_999).Text);
        Assert.InRange(ratio, 0.9, 1.6);
        GC.KeepAlive(scrollback);
    }

    [Fact]
    public void Append_OneMillionLinesIntoHundredThousandCap_CountAndMemoryBounded()
    {
        var text = MakeText();
        var timestamp = DateTimeOffset.Now;

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var scrollback = new Scrollback(maxLines: 100_000);
        for (var i = 0; i < 1_000_000; i++)
            scrollback.Append(LineKind.Received, text.AsSpan(i % 64, LineLength), [], timestamp);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var held = 100_000L * LineLength;
        var ratio = (after - before) / (double)held;
        output.WriteLine($"1,000,000 appended, 100,000 held: managed growth {(after - before) / 1e6:F1} MB, ratio to held UTF-8 {ratio:F3}");
        Assert.Equal(100_000, scrollback.Count);
        Assert.Equal(1_000_000, scrollback.TotalAppended);
        Assert.Equal(900_000, scrollback.FirstLineNumber);
        Assert.Equal(text.Substring(900_000 % 64, LineLength), scrollback.GetLine(0).Text);
        Assert.InRange(ratio, 0.9, 1.6);
        GC.KeepAlive(scrollback);
    }

    private static string MakeText()
    {
        var chars = new char[LineLength + 64];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = (char)('!' + (i % 90));
        return new string(chars);
    }
}
