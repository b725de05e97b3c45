using System.Text;
using System.Text.Json;
using NetTerm.Cli.Headless;
using NetTerm.Testing;
using NetTerm.Testing.Dns;
using NetTerm.Testing.Smtp;

namespace NetTerm.Cli.Tests.Commands.Mx;

public sealed class MxCommandTests
{
    private static DnsTestServer TwoHosts() => DnsTestServer.Start()
        .Mx("example.test", 20, "backup.example.test")
        .Mx("example.test", 10, "mx1.example.test")
        .Address("mx1.example.test", "127.0.0.1")
        .Address("backup.example.test", "127.0.0.2");

    [Fact]
    public async Task Mx_TwoHostsOneListening_TableAndConnectCommand()
    {
        await using var dns = TwoHosts();
        await using var smtp = new FakeSmtpServer();
        var port = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await CliHarness.RunAsync(string.Empty, "mx", "example.test", "--dns-server", dns.ServerAddress, "--port", port);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"example.test: 2 MX host(s) (DNS {dns.ServerAddress})", lines[0]);
        Assert.Matches(@"^pref  host +addresses +port \d+$", lines[1]);
        Assert.Matches(@"^  10  mx1\.example\.test +127\.0\.0\.1  220 fake\.test ESMTP ready$", lines[2]);
        Assert.Matches(@"^  20  backup\.example\.test +127\.0\.0\.2  no: refused$", lines[3]);
        Assert.Equal($"Connect with: netterm smtp 127.0.0.1 {port} --sni mx1.example.test", lines[4]);
    }

    [Fact]
    public async Task Mx_NoProbe_NoPortColumnFirstHostOffered()
    {
        await using var dns = TwoHosts();

        var result = await CliHarness.RunAsync(string.Empty, "mx", "example.test", "--dns-server", dns.ServerAddress, "--no-probe");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("pref  host                 addresses\n", result.Text, StringComparison.Ordinal);
        Assert.EndsWith("Connect with: netterm smtp 127.0.0.1 25 --sni mx1.example.test\n", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.test", 3, "netterm: missing.test: no such domain (NXDOMAIN from ")]
    [InlineData("nomail.test", 3, "netterm: nomail.test accepts no mail: its MX is the null MX \".\" (RFC 7505)")]
    [InlineData("broken.test", 3, "netterm: DNS: 127.0.0.1:")]
    [InlineData("empty.test", 3, "netterm: empty.test: no MX and no A/AAAA records")]
    [InlineData("silent.test", 5, "netterm: DNS: no answer from 127.0.0.1:")]
    public async Task Mx_NoMailHost_OneLineAndExitCode(string domain, int code, string expected)
    {
        await using var dns = DnsTestServer.Start()
            .Mx("nomail.test", 0, ".")
            .Exists("empty.test")
            .Behave("broken.test", DnsTestBehavior.ServFail)
            .Behave("silent.test", DnsTestBehavior.Drop);

        var result = await CliHarness.RunAsync(string.Empty, "mx", domain, "--dns-server", dns.ServerAddress, "--timeout", "0.3");

        Assert.Equal(code, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Mx_Json_OneParsableObject()
    {
        await using var dns = TwoHosts();
        await using var smtp = new FakeSmtpServer();

        var result = await CliHarness.RunAsync(string.Empty, "mx", "example.test", "--dns-server", dns.ServerAddress,
            "--port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Text);
        var root = doc.RootElement;
        Assert.Equal("mx", root.GetProperty("outcome").GetString());
        var hosts = root.GetProperty("hosts");
        Assert.Equal(2, hosts.GetArrayLength());
        Assert.Equal(10, hosts[0].GetProperty("preference").GetInt32());
        Assert.Equal("127.0.0.1", hosts[0].GetProperty("addresses")[0].GetString());
        Assert.True(hosts[0].GetProperty("probe").GetProperty("answered").GetBoolean());
        Assert.Equal("220 fake.test ESMTP ready", hosts[0].GetProperty("probe").GetProperty("banner").GetString());
        Assert.Equal("refused", hosts[1].GetProperty("probe").GetProperty("error").GetString());
        Assert.StartsWith("netterm smtp 127.0.0.1 ", root.GetProperty("connect").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mx_JsonNullMx_OutcomeAndExit3()
    {
        await using var dns = DnsTestServer.Start().Mx("nomail.test", 0, ".");

        var result = await CliHarness.RunAsync(string.Empty, "mx", "nomail.test", "--dns-server", dns.ServerAddress, "--json");

        Assert.Equal(3, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Text);
        Assert.Equal("null-mx", doc.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("hosts").GetArrayLength());
    }

    [Theory]
    [InlineData("dns.example")]
    [InlineData("127.0.0.1:70000")]
    public async Task Mx_BadDnsServer_UsageError(string server)
    {
        var result = await CliHarness.RunAsync(string.Empty, "mx", "example.test", "--dns-server", server);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("netterm: --dns-server takes an IP address", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mx_MissingDomain_UsageError()
    {
        var result = await CliHarness.RunAsync(string.Empty, "mx");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("netterm: a domain is required: netterm mx DOMAIN\n", result.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mx_TerminalAnswersYes_RunsSmtpSessionOnBestHost()
    {
        await using var dns = TwoHosts();
        await using var smtp = new FakeSmtpServer();
        var result = await RunOnTerminalAsync("y\nEHLO me.test\nQUIT\n",
            "mx", "example.test", "--dns-server", dns.ServerAddress, "--port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.Code == 0, result.Stderr + result.Stdout);
        Assert.Contains("Connect to mx1.example.test (netterm smtp 127.0.0.1 ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("221", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("EHLO me.test", smtp.Received);
    }

    [Fact]
    public async Task Mx_TerminalAnswersNo_NoSession()
    {
        await using var dns = TwoHosts();
        await using var smtp = new FakeSmtpServer();
        var result = await RunOnTerminalAsync("n\nQUIT\n",
            "mx", "example.test", "--dns-server", dns.ServerAddress, "--port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, result.Code);
        Assert.DoesNotContain("QUIT", smtp.Received);
        Assert.DoesNotContain("221", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>stdin a terminal (so mx asks), stdout not (so the session that follows runs headless).</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> RunOnTerminalAsync(string stdin, params string[] args)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new ConsoleStreams(input, output, error, OutputIsRedirected: true) { InputIsTerminal = true, HelpOutput = new StringWriter() };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var code = await global::NetTerm.Cli.Cli.RunAsync(args, console, _ => null, cts.Token);
        return (code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
