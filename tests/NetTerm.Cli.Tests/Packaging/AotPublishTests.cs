using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using NetTerm.Testing;

namespace NetTerm.Cli.Tests.Packaging;

/// <summary>The linux-x64 release build is Native AOT (build/publish.sh). This publishes it the same way, fails on any
/// trim or AOT diagnostic, then runs the binary it made, so a library that needs reflection at run time shows up too.
/// </summary>
public sealed class AotPublishTests
{
    [AotCheckFact]
    public async Task Publish_NativeAotLinuxX64_NoTrimOrAotDiagnosticsAndTheBinaryRuns()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("out");
        // Its own artifacts path: a cold build that shares no obj/ folder with the test run's own build.
        var publish = await RunAsync("dotnet",
            ["publish", Path.Combine(RepoFolder.Root, "src", "NetTerm.Cli"), "-c", "Release", "-r", "linux-x64",
                "-p:PublishProfile=native-aot", "-o", output, "--artifacts-path", dir.Combine("build"),
                "--disable-build-servers", "-nologo"],
            stdin: null, TimeSpan.FromMinutes(20));

        var diagnostics = PublishWarnings.Find(publish.Output);
        Assert.True(diagnostics.Count == 0, "trim/AOT diagnostics:\n" + string.Join('\n', diagnostics));
        Assert.True(publish.Code == 0, "dotnet publish failed:\n" + publish.Output);

        var exe = Path.Combine(output, "netterm");
        var version = await RunAsync(exe, ["--version"], stdin: null, TimeSpan.FromSeconds(30));
        Assert.Equal(0, version.Code);
        // This build's version and a commit; not the test's own commit, which a commit made during the run changes.
        var expected = ExpectedVersion().Split('+')[0];
        Assert.Matches($@"^{Regex.Escape(expected)}\+[0-9a-f]{{40}}$", version.Output.Trim());

        await using var echo = LoopbackEchoServer.Start("hello from echo\r\n"u8.ToArray());
        var session = await RunAsync(exe,
            ["-n", "-q", "--wait", "1", "127.0.0.1", echo.Port.ToString(CultureInfo.InvariantCulture)],
            "ping over aot\n", TimeSpan.FromSeconds(30));
        Assert.Contains("hello from echo", session.Output, StringComparison.Ordinal);
        Assert.Contains("ping over aot", session.Output, StringComparison.Ordinal);
    }

    private static string ExpectedVersion() =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    private static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> args, string? stdin,
        TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The test host runs under MSBuild's variables (MSBuildSDKsPath, MSBUILD_EXE_PATH…): a child build must find
        // its own SDK as a user's shell would.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}:\n{Snapshot(output)}");
        }

        process.WaitForExit(); // drains the asynchronous readers
        return (process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
