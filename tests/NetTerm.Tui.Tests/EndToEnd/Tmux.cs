using System.Diagnostics;
using System.Reflection;

namespace NetTerm.Tui.Tests.EndToEnd;

/// <summary>A private tmux server (its own -L socket, so tests never touch the user's sessions) running one command
/// in a 120x40 window: send-keys in, capture-pane out.</summary>
internal sealed class Tmux : IDisposable
{
    private readonly string _socket = "netterm-test-" + Guid.NewGuid().ToString("N")[..12];

    public static bool IsInstalled
    {
        get
        {
            try
            {
                return Exec(null, "-V").Code == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }

    public void Start(string command, int width = 120, int height = 40)
    {
        var r = Run("new-session", "-d", "-s", "t", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), command);
        Assert.True(r.Code == 0, "tmux new-session failed: " + r.Output);
    }

    /// <summary>Any tmux command on this test's server (set-option, show-buffer…); returns its output.</summary>
    public string Command(params string[] args)
    {
        var r = Run(args);
        Assert.True(r.Code == 0, $"tmux {string.Join(' ', args)} failed: {r.Output}");
        return r.Output;
    }

    public void SendKeys(params string[] keys) => Run(["send-keys", "-t", "t", .. keys]);

    /// <summary>Literal text (-l), so words like "Enter" are typed, not pressed.</summary>
    public void Type(string text) => Run("send-keys", "-t", "t", "-l", text);

    /// <summary>Every screen captured so far, in order (tests assert that a secret was on none of them).</summary>
    public IReadOnlyList<string> Captures => _captures;

    private readonly List<string> _captures = [];

    public string Capture()
    {
        var screen = Run("capture-pane", "-p", "-t", "t").Output;
        _captures.Add(screen);
        return screen;
    }

    public string Title() => Run("display-message", "-p", "-t", "t", "#{pane_title}").Output.Trim();

    public void Resize(int width, int height) =>
        Run("resize-window", "-t", "t", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Polls the pane until <paramref name="condition"/> holds (20 s at most); returns the last capture.</summary>
    public string WaitFor(Func<string, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        string screen;
        while (!condition(screen = Capture()))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for {what}; screen:\n{screen}");
            }

            Thread.Sleep(50);
        }

        return screen;
    }

    public void Dispose() => Run("kill-server");

    private (int Code, string Output) Run(params string[] args) => Exec(_socket, args);

    private static (int Code, string Output) Exec(string? socket, params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // TestSetup sets DisableRealDriverIO for the headless tests; the real binary must not inherit it (it would draw nothing).
        psi.Environment.Remove("DisableRealDriverIO");
        psi.Environment.Remove("NO_COLOR");
        if (socket is not null)
        {
            psi.ArgumentList.Add("-L");
            psi.ArgumentList.Add(socket);
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    /// <summary>The netterm binary the test project built (ProjectReference with ReferenceOutputAssembly=false):
    /// src/NetTerm.Cli/bin/&lt;configuration&gt;/net10.0/ of this checkout, found by walking up from the test output.</summary>
    public static string NettermCommand()
    {
        var configuration = typeof(Tmux).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var output = Path.Combine(dir.FullName, "src", "NetTerm.Cli", "bin", configuration, "net10.0");
            if (File.Exists(Path.Combine(output, "netterm.dll")))
            {
                var host = Path.Combine(output, "netterm");
                return File.Exists(host) ? Quote(host) : "dotnet " + Quote(Path.Combine(output, "netterm.dll"));
            }
        }

        throw new FileNotFoundException("netterm was not built next to the tests (src/NetTerm.Cli/bin/" + configuration + ")");
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
