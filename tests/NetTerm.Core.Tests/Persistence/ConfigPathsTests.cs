using NetTerm.Core.Persistence;

namespace NetTerm.Core.Tests.Persistence;

public sealed class ConfigPathsTests
{
    private static readonly string Root = OperatingSystem.IsWindows() ? @"C:\cfg" : "/cfg";

    private static string Folder(Environment.SpecialFolder folder) => folder switch
    {
        Environment.SpecialFolder.ApplicationData => Path.Combine(Root, "appdata"),
        Environment.SpecialFolder.UserProfile => Path.Combine(Root, "home"),
        _ => throw new ArgumentOutOfRangeException(nameof(folder)),
    };

    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void ResolveDirectory_Override_WinsOnEveryPlatform()
    {
        var overridden = Path.Combine(Root, "portable");
        foreach (var platform in Enum.GetValues<ConfigPlatform>())
        {
            var dir = ConfigPaths.ResolveDirectory(
                Env(("NETTERM_CONFIG_DIR", overridden), ("XDG_CONFIG_HOME", Path.Combine(Root, "xdg"))), platform, Folder);

            Assert.Equal(overridden, dir);
        }
    }

    [Fact]
    public void ResolveDirectory_Windows_UsesAppData()
    {
        var dir = ConfigPaths.ResolveDirectory(Env(), ConfigPlatform.Windows, Folder);

        Assert.Equal(Path.Combine(Root, "appdata", "NetTerm"), dir);
    }

    [Fact]
    public void ResolveDirectory_MacOS_UsesApplicationSupport()
    {
        var dir = ConfigPaths.ResolveDirectory(Env(), ConfigPlatform.MacOS, Folder);

        Assert.Equal(Path.Combine(Root, "home", "Library", "Application Support", "NetTerm"), dir);
    }

    [Fact]
    public void ResolveDirectory_LinuxWithXdg_UsesXdgConfigHome()
    {
        var xdg = Path.Combine(Root, "xdg");

        var dir = ConfigPaths.ResolveDirectory(Env(("XDG_CONFIG_HOME", xdg)), ConfigPlatform.Other, Folder);

        Assert.Equal(Path.Combine(xdg, "netterm"), dir);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/xdg")]
    public void ResolveDirectory_LinuxWithoutUsableXdg_UsesDotConfig(string? xdg)
    {
        var dir = ConfigPaths.ResolveDirectory(
            name => name == "XDG_CONFIG_HOME" ? xdg : null, ConfigPlatform.Other, Folder);

        Assert.Equal(Path.Combine(Root, "home", ".config", "netterm"), dir);
    }

    [Fact]
    public void ResolveDirectory_NoHomeAndNoOverride_ThrowsNamingTheVariable()
    {
        var ex = Assert.Throws<InvalidOperationException>(
            () => ConfigPaths.ResolveDirectory(Env(), ConfigPlatform.Other, _ => string.Empty));

        Assert.Contains("NETTERM_CONFIG_DIR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_InjectedOverride_GivesSessionAndHistorySubfolders()
    {
        var overridden = Path.Combine(Path.GetTempPath(), "netterm-portable");

        var paths = ConfigPaths.Resolve(Env(("NETTERM_CONFIG_DIR", overridden)));

        Assert.Equal(overridden, paths.ConfigDirectory);
        Assert.Equal(Path.Combine(overridden, "sessions"), paths.SessionsDirectory);
        Assert.Equal(Path.Combine(overridden, "history"), paths.HistoryDirectory);
    }
}
