// Memory of the scrollback: 1,000,000 lines of 80 ASCII characters (80,000,000 bytes of text) appended through
// TerminalTextProcessor into Scrollback(maxLines: 1_000_000), as the full-screen client does (CRLF-terminated
// lines, in 64 KiB chunks). Prints the growth of the process RSS (Environment.WorkingSet after a full compacting
// GC) and of the managed heap (GC.GetTotalMemory(true)) relative to the text size. Goal: RSS growth <= 1.6x.
// Usage: dotnet run -c Release --project bench/ScrollbackMemory [-- lines [width]]
using System.Diagnostics;
using System.Globalization;
using NetTerm.Core.Terminal;

var lines = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var width = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 80;
const double Goal = 1.6;

static long Rss()
{
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    return Environment.WorkingSet;
}

static string Mib(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB";

// The input is generated into one reused buffer so it does not count as scrollback memory.
var filler = string.Concat(Enumerable.Repeat("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 1 + (width / 62)));
var lineChars = width + 2;
var linesPerChunk = Math.Max(1, 65536 / lineChars);
var chunk = new char[linesPerChunk * lineChars];
var time = new FixedTime();

// Warm up the code paths on a throw-away instance, so the JIT's own memory is in the baseline.
{
    var warm = new TerminalTextProcessor(new Scrollback(maxLines: 1000), time);
    warm.Process("warm-up line\r\n".AsSpan());
}

// The scrollback is created after the baseline: it allocates its line-entry ring at full size at once, and that
// array is part of what a million lines cost.
var rssBefore = Rss();
var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
var scrollback = new Scrollback(maxLines: lines);
var processor = new TerminalTextProcessor(scrollback, time);
var sw = Stopwatch.StartNew();

var n = 0;
while (n < lines)
{
    var count = Math.Min(linesPerChunk, lines - n);
    for (var i = 0; i < count; i++)
    {
        var span = chunk.AsSpan(i * lineChars, lineChars);
        var head = $"line {n + i + 1:D7} ";
        head.AsSpan().CopyTo(span);
        filler.AsSpan(0, width - head.Length).CopyTo(span[head.Length..]);
        span[width] = '\r';
        span[width + 1] = '\n';
    }

    processor.Process(chunk.AsSpan(0, count * lineChars));
    n += count;
}

sw.Stop();
var peakBeforeGc = Environment.WorkingSet;
var rssAfter = Rss();
var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
var textBytes = (long)lines * width;

// Sanity: the first and last lines are the expected ones.
var firstNumbered = scrollback.GetLine(0).Text;
var lastNumbered = scrollback.GetLine(scrollback.Count - 1).Text;
if (lastNumbered.Length == 0 && scrollback.Count > 1)
    lastNumbered = scrollback.GetLine(scrollback.Count - 2).Text;

Console.WriteLine($"lines appended {lines:N0} x {width} chars = {textBytes:N0} bytes of text, in {sw.Elapsed.TotalSeconds:F2} s");
Console.WriteLine($"scrollback Count {scrollback.Count:N0}, TotalAppended {scrollback.TotalAppended:N0}");
Console.WriteLine($"first line: {firstNumbered[..Math.Min(20, firstNumbered.Length)]}  last line: {lastNumbered[..Math.Min(20, lastNumbered.Length)]}");
Console.WriteLine($"RSS  before {Mib(rssBefore)}, after {Mib(rssAfter)} (before the final GC {Mib(peakBeforeGc)}), growth {Mib(rssAfter - rssBefore)}"
    + $" = {(double)(rssAfter - rssBefore) / textBytes:F3}x text (goal <= {Goal}x)");
Console.WriteLine($"heap before {Mib(heapBefore)}, after {Mib(heapAfter)}, growth {Mib(heapAfter - heapBefore)}"
    + $" = {(double)(heapAfter - heapBefore) / textBytes:F3}x text");
Console.WriteLine($"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
GC.KeepAlive(scrollback);
return (double)(rssAfter - rssBefore) / textBytes <= Goal ? 0 : 1;

/// <summary>A fixed clock: timestamps cost the same either way, and the system clock is not what is measured.</summary>
internal sealed class FixedTime : TimeProvider
{
    private readonly DateTimeOffset _now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
