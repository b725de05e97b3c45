using System.Text;

namespace NetTerm.Cli.Tests.Commands;

/// <summary>docs/cli-reference.md is every command's --help, so the docs cannot drift from the program. When a
/// command or option changes, regenerate it: `NETTERM_WRITE_REFERENCE=1 dotnet test --filter CliReference`.</summary>
public sealed class CliReferenceTests
{
    private static readonly string[][] Commands =
    [
        [], ["sessions"], ["smtp"], ["smtp", "send"], ["sandbox"],
    ];

    private static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetTerm.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new FileNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }

    private static async Task<string> RenderAsync()
    {
        var doc = new StringBuilder("# Command-line reference\n\n")
            .Append("Generated from the program's own `--help` (tests/NetTerm.Cli.Tests/Commands/CliReferenceTests.cs fails when\n")
            .Append("they differ). The user guide and the README explain the options in context.\n");
        foreach (var command in Commands)
        {
            var result = await CliHarness.RunAsync(string.Empty, [.. command, "--help"]);
            Assert.Equal(0, result.ExitCode);
            doc.Append("\n## netterm").Append(command.Length == 0 ? string.Empty : " " + string.Join(' ', command)).Append("\n\n```\n")
                .Append(result.Help.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd()).Append("\n```\n");
        }

        return doc.ToString();
    }

    [Fact]
    public async Task Reference_EveryCommandsHelp_MatchesTheDoc()
    {
        var expected = await RenderAsync();
        var path = RepoFile(Path.Combine("docs", "cli-reference.md"));
        if (Environment.GetEnvironmentVariable("NETTERM_WRITE_REFERENCE") == "1")
        {
            await File.WriteAllTextAsync(path, expected);
        }

        Assert.True(File.Exists(path), "docs/cli-reference.md is missing: NETTERM_WRITE_REFERENCE=1 dotnet test --filter CliReference");
        Assert.Equal(expected, (await File.ReadAllTextAsync(path)).Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
