using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using NetTerm.Smtp.Sandbox;
using NetTerm.Testing;

namespace NetTerm.Cli.Tests.Commands;

/// <summary>`netterm smtp send` against the in-process sandbox (STARTTLS, AUTH, relay policy, pipelining) and scripted
/// servers for the failure stages.</summary>
public sealed class SmtpSendTests : IAsyncLifetime, IDisposable
{
    private const string Password = "S3cret-9x";
    private readonly TempDirectory _store = new();
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() =>
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions(0, _store.Path, "demo", Password), null, CancellationToken.None);

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public void Dispose() => _store.Dispose();

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private Task<CliHarness.Result> SendAsync(string stdin, params string[] args) =>
        CliHarness.RunAsync(Encoding.UTF8.GetBytes(stdin), new Dictionary<string, string> { ["SANDBOX_PW"] = Password },
            ["smtp", "send", "--server", "127.0.0.1", "--port", P(_sandbox.Port), "--ca", _sandbox.Info.CertificatePemPath, "--helo", "client.test", .. args]);

    [Fact]
    public async Task Send_StartTlsAuthPlain_AcceptedAndStoredEmlHasTheHeaders()
    {
        var result = await SendAsync(string.Empty, "--from", "demo@sandbox.test", "--to", "bob@example.com", "--subject", "hello there",
            "--header", "X-Test: 1", "--body", ".dot line\nsecond", "--auth", "PLAIN", "--user", "demo", "--password-env", "SANDBOX_PW");

        Assert.True(result.ExitCode == 0, result.Text + result.Stderr);
        Assert.Contains(" ~> AUTH PLAIN ****", result.Text, StringComparison.Ordinal);
        Assert.Contains("<~  235", result.Text, StringComparison.Ordinal);
        Assert.Contains("1 message(s) accepted", result.Text, StringComparison.Ordinal);
        var eml = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_store.Path, "*.eml")));
        Assert.Contains("Subject: hello there\r\n", eml, StringComparison.Ordinal);
        Assert.Contains("X-Test: 1\r\n", eml, StringComparison.Ordinal);
        Assert.Contains("\r\n.dot line\r\nsecond", eml, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Text + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("\0demo\0" + Password)), result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ServerWithPort_DialsThatPortLikeSwaks()
    {
        var result = await CliHarness.RunAsync(string.Empty, "smtp", "send", "--server", "127.0.0.1:" + P(_sandbox.Port), "--ca",
            _sandbox.Info.CertificatePemPath, "--from", "demo@sandbox.test", "--to", "a@sandbox.test");

        Assert.True(result.ExitCode == 0, result.Text + result.Stderr);
        Assert.Contains("1 message(s) accepted by 127.0.0.1:" + P(_sandbox.Port), result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ServerPortDisagreesWithPortOption_IsAUsageError()
    {
        var result = await CliHarness.RunAsync(string.Empty, "smtp", "send", "--server", "127.0.0.1:2525", "--port", "25",
            "--from", "a@x.test", "--to", "b@x.test");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--server: port given twice", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_Json_StepsTlsAndOutcomeWithoutTheSecret()
    {
        var result = await SendAsync(Password + "\n", "--from", "demo@sandbox.test", "--to", "a@sandbox.test", "--auth", "LOGIN", "--user", "demo",
            "--password-stdin", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("success").GetBoolean());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        Assert.True(root.GetProperty("tls").GetProperty("upgraded").GetBoolean());
        Assert.True(root.GetProperty("tls").GetProperty("verified").GetBoolean());
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Contains(steps, s => s.GetProperty("command").GetString() == "AUTH LOGIN");
        Assert.Equal(2, steps.Count(s => s.GetProperty("command").GetString() == "****"));
        Assert.Contains(steps, s => s.GetProperty("stage").GetString() == "data" && s.GetProperty("reply").GetProperty("code").GetInt32() == 250);
        Assert.Single(root.GetProperty("accepted").EnumerateArray());
        Assert.DoesNotContain(Password, Encoding.UTF8.GetString(result.Stdout) + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Password)), Encoding.UTF8.GetString(result.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_PipeliningCountThreeWithOneRelayDenied_AllAcceptedForTheLocalRecipient()
    {
        var result = await SendAsync(string.Empty, "--from", "demo@sandbox.test", "--to", "bob@example.com", "--to", "alice@sandbox.test",
            "--pipelining", "--count", "3", "--starttls", "never");

        Assert.True(result.ExitCode == 0, result.Text);
        Assert.Equal(3, Directory.GetFiles(_store.Path, "*.eml").Length);
        Assert.Equal(3, CountOf(result.Text, "550 5.7.1"));
        Assert.Contains("3 message(s) accepted", result.Text, StringComparison.Ordinal);
        // One round trip a message: the body's "." and the next MAIL go out before the "." is answered.
        var lines = result.Text.Split('\n');
        var firstDot = Array.FindIndex(lines, l => l.EndsWith(" -> .", StringComparison.Ordinal));
        Assert.Contains(" -> MAIL FROM:", lines[firstDot + 1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("connect", "(connect)")]
    [InlineData("helo", "EHLO client.test")]
    [InlineData("tls", "EHLO client.test")]
    [InlineData("mail", "MAIL FROM:<demo@sandbox.test>")]
    [InlineData("rcpt", "RCPT TO:<a@sandbox.test>")]
    public async Task Send_QuitAfter_StopsThereWithQuitAndExitZero(string stage, string lastBeforeQuit)
    {
        var result = await SendAsync(string.Empty, "--from", "demo@sandbox.test", "--to", "a@sandbox.test", "--quit-after", stage, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var commands = json.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("command").GetString()).ToList();
        Assert.Equal("QUIT", commands[^1]);
        Assert.Equal(lastBeforeQuit, commands[^2]!.Split(" SIZE=")[0]);
        Assert.Empty(Directory.GetFiles(_store.Path, "*.eml"));
    }

    [Fact]
    public async Task Send_AllRecipientsRelayDenied_Exit25()
    {
        var result = await SendAsync(string.Empty, "--from", "demo@sandbox.test", "--to", "bob@example.com", "--quiet");

        Assert.Equal(25, result.ExitCode);
        Assert.StartsWith("netterm: FAILED at rcpt: no recipient was accepted", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WrongPassword_Exit23()
    {
        var result = await CliHarness.RunAsync(Encoding.UTF8.GetBytes("nope\n"), null, "smtp", "send", "--server", "127.0.0.1", "--port", P(_sandbox.Port),
            "--ca", _sandbox.Info.CertificatePemPath, "--from", "demo@sandbox.test", "--to", "a@sandbox.test", "--auth", "PLAIN", "--user", "demo", "--password-stdin");

        Assert.Equal(23, result.ExitCode);
        Assert.Contains("FAILED at auth", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_CertificateNotTrusted_Exit6()
    {
        var result = await CliHarness.RunAsync(string.Empty, "smtp", "send", "--server", "127.0.0.1", "--port", P(_sandbox.Port),
            "--from", "demo@sandbox.test", "--to", "a@sandbox.test", "--starttls", "always");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("not trusted", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ConnectionRefused_Exit4()
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var result = await CliHarness.RunAsync(string.Empty, "smtp", "send", "--server", "127.0.0.1", "--port", P(port), "--from", "a@x.test", "--to", "b@x.test");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("connection refused", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("554 no service for you", "", 20)]
    [InlineData("220 ok", "EHLO:550 go away|HELO:550 still no", 21)]
    [InlineData("220 ok", "EHLO:250 ok", 22)]
    [InlineData("220 ok", "EHLO:250-ok|EHLO:250 STARTTLS|STARTTLS:454 4.7.0 not now", 22)]
    [InlineData("220 ok", "EHLO:250 ok|MAIL:553 5.1.8 bad sender", 24)]
    [InlineData("220 ok", "EHLO:250 ok|MAIL:250 ok|RCPT:250 ok|DATA:354 go|.:554 5.7.1 spam", 26)]
    public async Task Send_StageRefused_StageExitCode(string greeting, string script, int expected)
    {
        var answers = script.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(':', 2)).ToList();
        await using var server = new ScriptedServer(async (s, ct) =>
        {
            await s.SendAsync(Encoding.ASCII.GetBytes(greeting + "\r\n"), ct);
            var reader = new StreamReader(new NetworkStream(s), Encoding.ASCII);
            var i = 0;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("QUIT", StringComparison.Ordinal))
                {
                    await s.SendAsync("221 bye\r\n"u8.ToArray(), ct);
                    return;
                }

                var verb = line == "." ? "." : line.Split(' ')[0];
                var group = new StringBuilder();
                while (i < answers.Count && answers[i][0] == verb)
                {
                    group.Append(answers[i++][1]).Append("\r\n");
                }

                if (group.Length > 0)
                {
                    await s.SendAsync(Encoding.ASCII.GetBytes(group.ToString()), ct);
                }
            }
        });
        var always = expected == 22 ? new[] { "--starttls", "always" } : [];

        var result = await CliHarness.RunAsync(string.Empty, ["smtp", "send", "--server", "127.0.0.1", "--port", P(server.Port),
            "--from", "a@x.test", "--to", "b@x.test", "--timeout", "5", .. always]);

        Assert.True(expected == result.ExitCode, result.Text);
        Assert.Contains("FAILED at", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from a@x.test --to nodomain", "no domain to look up MX for")]
    [InlineData("--server 127.0.0.1 --from a@x.test\\r\\nRCPT --to b@x.test", "--from must not contain control characters")]
    [InlineData("--server h --to b@x.test", "--from is required")]
    [InlineData("--server h --from a@x.test", "--to is required")]
    [InlineData("--server h --from a@x.test --to b@x.test --auth PLAIN --user u", "exactly one of --password-env VAR or --password-stdin")]
    [InlineData("--server h --from a@x.test --to b@x.test --auth PLAIN --user u --password-env NOPE_NOT_SET", "NOPE_NOT_SET is not set")]
    [InlineData("--server h --from a@x.test --to b@x.test --eml x.eml --subject s", "--eml sends the file as it is")]
    public async Task Send_BadOptions_UsageErrorExitTwo(string args, string fragment)
    {
        var result = await CliHarness.RunAsync(string.Empty, ["smtp", "send", .. args.Split(' ').Select(a => a.Replace("\\r\\n", "\r\n", StringComparison.Ordinal))]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(fragment, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostNamedSendAfterDoubleDash_IsTheSmtpHostNotTheSubcommand()
    {
        var root = global::NetTerm.Cli.Commands.RootCommandFactory.Create((_, _) => Task.FromResult(0), _ => null,
            new global::NetTerm.Cli.Headless.ConsoleStreams(new MemoryStream(), new MemoryStream(), TextWriter.Null, true));

        var parsed = root.Parse(["smtp", "--", "send", "25"]);
        var asCommand = root.Parse(["smtp", "send", "--server", "h"]);

        Assert.Equal("smtp", parsed.CommandResult.Command.Name);
        Assert.Equal("send", parsed.GetValue<string?>("host"));
        Assert.Equal("send", asCommand.CommandResult.Command.Name);
    }

    [Fact]
    public async Task Send_CommandAsExportWritesIt_RunsAgainstTheSandbox()
    {
        // The shape SmtpProfileSession.Reproduce writes (SmtpProfileExportTests pins it): --eml with the message as sent.
        var eml = Path.Combine(_store.Path, "x-message.eml");
        await File.WriteAllTextAsync(eml, "Subject: again\n\n.dot\n");
        var command = $"smtp send --server 127.0.0.1 --port {P(_sandbox.Port)} --ca {_sandbox.Info.CertificatePemPath} --starttls always "
            + $"--helo client.test --auth PLAIN --user demo --password-env NETTERM_PASSWORD --from demo@sandbox.test --to bob@example.com --eml {eml}";

        var result = await CliHarness.RunAsync(Array.Empty<byte>(), new Dictionary<string, string> { ["NETTERM_PASSWORD"] = Password }, command.Split(' '));

        Assert.True(result.ExitCode == 0, result.Text + result.Stderr);
        var stored = Directory.GetFiles(_store.Path, "*.eml").Where(f => !f.EndsWith("x-message.eml", StringComparison.Ordinal));
        Assert.Equal("Subject: again\r\n\r\n.dot\r\n", await File.ReadAllTextAsync(Assert.Single(stored)));
    }

    [Fact]
    public async Task Send_NoServer_MxHostsInPreferenceOrderUnreachableOneSkipped()
    {
        using var closed = new TcpListener(System.Net.IPAddress.Loopback, 0);
        await using var dns = NetTerm.Testing.Dns.DnsTestServer.Start()
            .Mx("sandbox.test", 10, "down.sandbox.test").Address("down.sandbox.test", "127.0.0.2")
            .Mx("sandbox.test", 20, "up.sandbox.test").Address("up.sandbox.test", "127.0.0.1");

        var result = await CliHarness.RunAsync(string.Empty, "smtp", "send", "--dns-server", dns.ServerAddress, "--port", P(_sandbox.Port),
            "--starttls", "never", "--helo", "client.test", "--from", "demo@sandbox.test", "--to", "friend@sandbox.test");

        Assert.True(result.ExitCode == 0, result.Text);
        Assert.Contains("=== MX for sandbox.test: down.sandbox.test (10), up.sandbox.test (20)", result.Text, StringComparison.Ordinal);
        Assert.Contains("=== Trying 127.0.0.2:", result.Text, StringComparison.Ordinal);
        Assert.Contains("1 message(s) accepted by 127.0.0.1:", result.Text, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_store.Path, "*.eml"));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("nxdomain")]
    public async Task Send_NoServerAndNoMailHost_ExitsThreeNamingTheLookup(string kind)
    {
        await using var dns = NetTerm.Testing.Dns.DnsTestServer.Start();
        if (kind == "null")
        {
            dns.Mx("nomail.test", 0, ".");
        }
        else
        {
            dns.Behave("nomail.test", NetTerm.Testing.Dns.DnsTestBehavior.NxDomain);
        }

        var result = await CliHarness.RunAsync(string.Empty, "smtp", "send", "--dns-server", dns.ServerAddress, "--from", "a@x.test", "--to", "b@nomail.test");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("MX lookup for nomail.test", result.Text, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string what) => text.Split(what).Length - 1;
}
