namespace NetTerm.Cli.Tests.Commands;

/// <summary>The [suggest] directive that the shell completion scripts (completions/) call. Its output goes where help
/// goes.</summary>
public sealed class SuggestDirectiveTests
{
    [Theory]
    [InlineData("netterm sm", "smtp")]
    [InlineData("netterm smtp --sa", "--sandbox")]
    [InlineData("netterm --mode ", "auto raw smtp telnet")]
    [InlineData("netterm --backspace ", "ctrl-h del")]
    public async Task Suggest_PartialLine_PrintsTheCandidatesOneALine(string line, string expected)
    {
        var result = await CliHarness.RunAsync(string.Empty, $"[suggest:{line.Length}]", line);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected.Split(' '), result.Help.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
