namespace NetTerm.Cli.Tests.Commands;

public sealed class CommandHelpTests
{
    [Fact]
    public async Task Help_SmtpSubcommand_ShowsOnlyItsOwnHostAndPort()
    {
        var result = await CliHarness.RunAsync(string.Empty, "smtp", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  netterm smtp [<host> [<port>]] [command] [options]", result.Help, StringComparison.Ordinal);
        Assert.Contains("default 25", result.Help, StringComparison.Ordinal);
        Assert.DoesNotContain("default 23", result.Help, StringComparison.Ordinal);
        Assert.Single(result.Help.Split('\n'), l => l.TrimStart().StartsWith("<host>", StringComparison.Ordinal));
        Assert.Contains("--sandbox", result.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_SubcommandWithoutArguments_HasNoArgumentsSection()
    {
        var result = await CliHarness.RunAsync(string.Empty, "sandbox", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  netterm sandbox [options]", result.Help, StringComparison.Ordinal);
        Assert.DoesNotContain("Arguments:", result.Help, StringComparison.Ordinal);
        Assert.Contains("--port", result.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_KeepsDefaultHelpWithCommands()
    {
        var result = await CliHarness.RunAsync(string.Empty, "--help");

        Assert.Contains("  netterm [<host> [<port>]] [command] [options]", result.Help, StringComparison.Ordinal);
        Assert.Contains("default 23", result.Help, StringComparison.Ordinal);
        Assert.Contains("Commands:", result.Help, StringComparison.Ordinal);
    }
}
