using NetTerm.Testing;

namespace NetTerm.Cli.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task RunAsync_Help_ListsConnectionOptionsAndExitsZero()
    {
        var result = await CliHarness.RunAsync(string.Empty, "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--mode", "--tls", "--ca", "--insecure", "--sni", "--proxy", "--no-tui", "--binary", "--wait", "--log", "--charset", "--idle-timeout", "-4", "-6" })
        {
            Assert.Contains(option, result.Help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("host 70000", "port must be a number from 1 to 65535 (got '70000')")]
    [InlineData("host abc", "port must be a number from 1 to 65535 (got 'abc')")]
    [InlineData("--tsl host", "unknown option '--tsl'")]
    [InlineData("-4 -6 host", "-4 and -6 exclude each other")]
    [InlineData("--mode bogus host", "bogus")]
    [InlineData("--tls --tls-min 1.1 host", "--tls-min must be 1.2 or 1.3")]
    [InlineData("--proxy ftp://x:1 host", "--proxy")]
    [InlineData("--charset klingon host", "klingon")]
    public async Task RunAsync_BadArguments_ExitsTwoWithOneLine(string args, string fragment)
    {
        var result = await CliHarness.RunAsync(string.Empty, args.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(fragment, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoHost_ExitsTwo()
    {
        var result = await CliHarness.RunAsync(string.Empty, "--no-tui");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("a host is required", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotATerminalWithoutNoTui_RunsHeadlessAndSaysSo()
    {
        var port = FreePort.Get();

        var result = await CliHarness.RunAsync(string.Empty, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("netterm: stdin or stdout is not a terminal; running as --no-tui", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--backspace", "bogus")]
    [InlineData("--scrollback", "abc")]
    public async Task RunAsync_BadTuiOption_ExitsTwo(string option, string value)
    {
        var result = await CliHarness.RunAsync(string.Empty, "--no-tui", option, value, "127.0.0.1", "1");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task RunAsync_RefusedPort_ExitsFourWithOneLine()
    {
        var port = FreePort.Get();

        var result = await CliHarness.RunAsync(string.Empty, "--no-tui", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"netterm: 127.0.0.1:{port}: connection refused{Environment.NewLine}", result.Stderr);
    }

    [Fact]
    public async Task RunAsync_BlackholedPort_ExitsFiveAfterConnectTimeout()
    {
        using var hole = BlackholeListener.Start();

        var result = await CliHarness.RunAsync(string.Empty, "--no-tui", "--connect-timeout", "1", "127.0.0.1", hole.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("timed out after 1 s", result.Stderr, StringComparison.Ordinal);
    }
}
