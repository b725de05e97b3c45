using System.Text.RegularExpressions;

namespace NetTerm.Cli.Tests.Packaging;

/// <summary>The trim (IL2xxx) and AOT (IL3xxx) diagnostics in `dotnet publish` output. With TreatWarningsAsErrors
/// they come out as errors, so both severities count.</summary>
internal static partial class PublishWarnings
{
    public static IReadOnlyList<string> Find(string output) =>
        output.Split('\n')
            .Select(line => line.TrimEnd('\r').Trim())
            .Where(line => Diagnostic().IsMatch(line))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"\b(warning|error) IL[23]\d{3}\b")]
    private static partial Regex Diagnostic();
}
