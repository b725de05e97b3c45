using System.Diagnostics;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Sandbox;

/// <summary>A foreign client against the sandbox: swaks, from the Postfix peer's tools.</summary>
public sealed class SandboxSwaksTests
{
    [PeersFact]
    public async Task Swaks_StartTlsAuthAndRelay_AcceptedAndStored()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var start = new ProcessStartInfo("swaks") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--server", "127.0.0.1", "--port", sandbox.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--ehlo", "swaks.test", "--tls", "--auth", "LOGIN", "--auth-user", "demo", "--auth-password", "sandbox",
            "--from", "demo@sandbox.test", "--to", "bob@example.com", "--header", "Subject: from swaks",
            "--body", "hello from swaks", "--timeout", "10",
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var swaks = Process.Start(start)!;
        var output = swaks.StandardOutput.ReadToEndAsync();
        var error = swaks.StandardError.ReadToEndAsync();
        await swaks.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var transcript = await output + await error;

        Assert.True(swaks.ExitCode == 0, transcript);
        Assert.Contains("<~  235 2.7.0 go ahead", transcript, StringComparison.Ordinal);
        Assert.Contains("<~  250 2.0.0 Ok: queued as", transcript, StringComparison.Ordinal);
        var stored = Assert.Single(sandbox.Stored);
        Assert.Equal("demo", stored.User);
        Assert.Contains("Subject: from swaks\r\n", await File.ReadAllTextAsync(stored.Path), StringComparison.Ordinal);
    }
}
