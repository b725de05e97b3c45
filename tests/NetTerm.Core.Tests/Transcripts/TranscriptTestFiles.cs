using System.Text;
using System.Text.RegularExpressions;

namespace NetTerm.Core.Tests.Transcripts;

/// <summary>Temp transcript files and a reader that works while the writer still has the file open.</summary>
internal sealed partial class TranscriptTestFiles : IDisposable
{
    public TranscriptTestFiles() =>
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"netterm-transcript-{Guid.NewGuid():N}.log");

    public string Path { get; }

    /// <summary>Runs before each read: the tests' writer hands its buffered lines to the file here.</summary>
    public Action? BeforeRead { get; set; }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2} (<- |<~ | ->| ~>|\*\* |===) (.*)$")]
    public static partial Regex LinePattern();

    /// <summary>Reads the file as another process would, sharing it with the open writer.</summary>
    public string[] ReadLines()
    {
        BeforeRead?.Invoke();
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "the file ends in the middle of a line");
        return text.Length == 0 ? [] : text[..^1].Split('\n');
    }

    /// <summary>(tag, text) of each line, asserting every line has the timestamped, tagged form.</summary>
    public (string Tag, string Text)[] ReadEntries() => ReadLines().Select(Parse).ToArray();

    public static (string Tag, string Text) Parse(string line)
    {
        var match = LinePattern().Match(line);
        Assert.True(match.Success, $"malformed transcript line: \"{line}\"");
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    public void Dispose() => File.Delete(Path);
}
