using System.Text.Json;
using System.Text.RegularExpressions;
using NetTerm.Testing;

namespace NetTerm.Cli.Tests.Headless;

public sealed class JsonLinesLogTests : IDisposable
{
    private const string Secret = "AGRlbW8Ac2FuZGJveA==";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SmtpSandbox_StartTlsAndAuth_JsonlValidOrderedRedactedTlsFlagged()
    {
        var log = _temp.Combine("session.jsonl");
        const string Script = "EHLO client.test\nSTARTTLS\nEHLO client.test\nAUTH PLAIN " + Secret + "\nMAIL FROM:<demo@sandbox.test>\n"
            + "RCPT TO:<bob@example.com>\nQUIT\n";

        var result = await CliHarness.RunAsync(Script, "smtp", "--sandbox", "--no-tui", "--allow-plaintext-auth", "--log", log, "--log-format", "jsonl");
        DeleteStore(result.Stderr);

        Assert.True(result.ExitCode == 0, result.Stderr + result.Text);
        var lines = await File.ReadAllLinesAsync(log);
        var records = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.DoesNotContain(Secret, string.Join('\n', lines), StringComparison.Ordinal);

        var sent = records.Where(r => Kind(r) == "sent").Select(r => (Text(r), r.GetProperty("tls").GetBoolean())).ToList();
        Assert.Equal(("EHLO client.test", false), sent[0]);
        Assert.Equal(("STARTTLS", false), sent[1]);
        Assert.Equal(("EHLO client.test", true), sent[2]);
        Assert.StartsWith("AUTH PLAIN ", sent[3].Item1, StringComparison.Ordinal);
        Assert.True(sent[3].Item2);
        Assert.Equal(["MAIL FROM:<demo@sandbox.test>", "RCPT TO:<bob@example.com>", "QUIT"], sent.Skip(4).Select(s => s.Item1));

        var startTls = records.FindIndex(r => Kind(r) == "sent" && Text(r) == "STARTTLS");
        var upgraded = records.FindIndex(r => Kind(r) == "info" && Text(r).StartsWith("TLS upgrade established", StringComparison.Ordinal));
        Assert.True(upgraded > startTls);
        Assert.All(records.Take(upgraded).Where(r => Kind(r) is "recv" or "sent"), r => Assert.False(r.GetProperty("tls").GetBoolean()));
        Assert.All(records.Skip(upgraded).Where(r => Kind(r) is "recv" or "sent"), r => Assert.True(r.GetProperty("tls").GetBoolean()));

        var authReply = records.Single(r => Kind(r) == "recv" && r.TryGetProperty("code", out var c) && c.GetInt32() == 235);
        Assert.Equal("2.7.0", authReply.GetProperty("enhanced").GetString());
        var times = records.Select(r => DateTimeOffset.Parse(r.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task LogFormat_Unknown_UsageError()
    {
        var result = await CliHarness.RunAsync(string.Empty, "127.0.0.1", "1", "--log", _temp.Combine("x"), "--log-format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("xml", result.Stderr, StringComparison.Ordinal);
    }

    private static string Kind(JsonElement r) => r.GetProperty("kind").GetString()!;

    private static string Text(JsonElement r) => r.GetProperty("text").GetString()!;

    private static void DeleteStore(string stderr)
    {
        var store = Regex.Match(stderr, @"message\(s\) in (.+)$", RegexOptions.Multiline).Groups[1].Value.TrimEnd('\r');
        if (store.Length > 0 && Directory.Exists(store))
            Directory.Delete(store, recursive: true);
    }
}
