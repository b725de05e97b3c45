using System.Text;

namespace NetTerm.Cli.Tests.Commands.Auth;

public sealed class AuthPlainCommandTests
{
    private const string Golden = "AG1vb25wb2ludEBleGFtcGxlLmNvbQBTb21lUGFzc3dvcmQ=";

    [Theory]
    [InlineData("SomePassword\n")]
    [InlineData("SomePassword\r\n")]
    [InlineData("SomePassword")]
    [InlineData("SomePassword\nsecond line is ignored\n")]
    public async Task AuthPlain_TutorialPasswordPiped_PrintsGoldenBase64Only(string stdin)
    {
        var result = await CliHarness.RunAsync(stdin, "auth-plain", "--user", "moonpoint@example.com");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Golden + "\n", result.Text);
        Assert.DoesNotContain("SomePassword", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthPlain_Authzid_GoesFirst()
    {
        var result = await CliHarness.RunAsync("pw\n", "auth-plain", "--user", "u@x", "--authzid", "admin");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("admin\0u@x\0pw", Encoding.UTF8.GetString(Convert.FromBase64String(result.Text.TrimEnd('\n'))));
    }

    [Fact]
    public async Task AuthPlain_Utf8Password_EncodedAsUtf8()
    {
        var result = await CliHarness.RunAsync("pässwörd€\n", "auth-plain", "-u", "ü@example.com");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("\0ü@example.com\0pässwörd€", Encoding.UTF8.GetString(Convert.FromBase64String(result.Text.TrimEnd('\n'))));
        Assert.DoesNotContain("pässwörd", result.Text + result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0xfe, (byte)'\n' }, "not valid UTF-8")]
    [InlineData(new byte[] { (byte)'\n' }, "the password is empty")]
    [InlineData(new byte[0], "the password is empty")]
    [InlineData(new byte[] { (byte)'a', 0, (byte)'b', (byte)'\n' }, "NUL")]
    public async Task AuthPlain_BadPassword_OneLineUsageError(byte[] stdin, string expected)
    {
        var result = await CliHarness.RunAsync(stdin, null, "auth-plain", "--user", "u@x");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task AuthPlain_OverlongPassword_UsageErrorWithoutTheText()
    {
        var secret = new string('s', 5000);

        var result = await CliHarness.RunAsync(secret + "\n", "auth-plain", "--user", "u@x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("longer than 4096 bytes", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("ssssssss", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthPlain_MissingUser_OneLineUsageError()
    {
        var result = await CliHarness.RunAsync("SomePassword\n", "auth-plain");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("netterm: auth-plain needs --user U (the password is then typed, or piped on stdin)\n", result.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task AuthPlain_PasswordOption_DoesNotExist()
    {
        var result = await CliHarness.RunAsync(string.Empty, "auth-plain", "--user", "u@x", "--password", "SomePassword");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task AuthPlain_Help_SaysWhyNoPasswordOption()
    {
        var result = await CliHarness.RunAsync(string.Empty, "auth-plain", "--help");

        Assert.Contains("shell history", result.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthPlainDecode_Golden_ShowsPartsPasswordMasked()
    {
        var result = await CliHarness.RunAsync(string.Empty, "auth-plain", "--decode", Golden);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("authzid   (none: act as the user)\nuser      moonpoint@example.com\npassword  ****\n", result.Text);
        Assert.DoesNotContain("SomePassword", result.Text + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthPlainDecode_FromStdinWithAuthzid_ShowsAuthzid()
    {
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin\0u\u001b[31m\0pw"));

        var result = await CliHarness.RunAsync(b64 + "\n", "auth-plain", "--decode", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("authzid   admin\nuser      u\\x1b[31m\npassword  ****\n", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!", "not valid base64")]
    [InlineData("dXNlcg==", "expected authzid NUL user NUL password")]
    public async Task AuthPlainDecode_NotPlain_OneLineUsageError(string input, string expected)
    {
        var result = await CliHarness.RunAsync(string.Empty, "auth-plain", "--decode", input);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthPlainDecode_WithUser_UsageError()
    {
        var result = await CliHarness.RunAsync(string.Empty, "auth-plain", "--decode", Golden, "--user", "x");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task AuthLogin_TutorialPassword_PrintsUserThenPasswordLine()
    {
        var result = await CliHarness.RunAsync("SomePassword\n", "auth-login", "--user", "moonpoint@example.com");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("bW9vbnBvaW50QGV4YW1wbGUuY29t\nU29tZVBhc3N3b3Jk\n", result.Text);
        Assert.DoesNotContain("SomePassword", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthLogin_MissingUser_UsageError()
    {
        var result = await CliHarness.RunAsync("pw\n", "auth-login");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("auth-login needs --user", result.Stderr, StringComparison.Ordinal);
    }
}
