using System.Diagnostics;
using NetTerm.Testing;

namespace NetTerm.Cli.Tests.Packaging;

/// <summary>completions/netterm.bash in a real bash, calling the real netterm apphost built beside this test, the way
/// bash's programmable completion calls it (COMP_LINE, COMP_POINT, COMP_WORDS, COMP_CWORD).</summary>
public sealed class CompletionScriptTests
{
    [BashFact]
    public async Task Bash_SubcommandPrefix_CompletesSmtp() =>
        Assert.Equal(["smtp"], await CompleteAsync("netterm sm"));

    [BashFact]
    public async Task Bash_OptionValue_OffersTheModes() =>
        Assert.Equal(["auto", "raw", "smtp", "telnet"], await CompleteAsync("netterm --mode "));

    [BashFact]
    public async Task Bash_OptionAfterAFlag_CompletesTheOption() =>
        Assert.Equal(["--lf", "--log", "--log-format"], await CompleteAsync("netterm --tls --l"));

    [BashFact]
    public async Task Bash_CandidatesLikeGlobs_StayLiteral()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("-x"), string.Empty);

        var words = await CompleteAsync("netterm -", dir.Path);

        Assert.Contains("-?", words);
        Assert.Contains("--tls", words);
        Assert.DoesNotContain("-x", words);
    }

    private static async Task<string[]> CompleteAsync(string line, string? workingDirectory = null)
    {
        var script = Path.Combine(RepoFolder.Root, "completions", "netterm.bash");
        const string driver = """
            source "$1"
            COMP_LINE=$2; COMP_POINT=${#2}
            read -ra COMP_WORDS <<< "$2"
            [[ $2 == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            complete -p netterm >/dev/null || exit 3
            _netterm_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { "-c", driver, "bash", script, line })
        {
            info.ArgumentList.Add(arg);
        }

        // The apphost of the referenced CLI project is copied beside this assembly.
        info.Environment["PATH"] = AppContext.BaseDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, $"bash exited {process.ExitCode}: {await stderr}");
        return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
