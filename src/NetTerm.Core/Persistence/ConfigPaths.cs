namespace NetTerm.Core.Persistence;

/// <summary>Where NetTerm keeps its configuration: saved sessions and command history.</summary>
/// <remarks>
/// Windows: %APPDATA%\NetTerm. macOS: ~/Library/Application Support/NetTerm. Linux and others:
/// $XDG_CONFIG_HOME/netterm, else ~/.config/netterm. The environment variable <see cref="OverrideVariable"/> wins
/// everywhere, so tests and portable installs can keep everything in one folder.
/// </remarks>
public sealed class ConfigPaths
{
    /// <summary>Names a folder that replaces the platform's config folder.</summary>
    public const string OverrideVariable = "NETTERM_CONFIG_DIR";

    /// <summary>Uses <paramref name="configDirectory"/> as the config folder, as is.</summary>
    public ConfigPaths(string configDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configDirectory);
        ConfigDirectory = configDirectory;
    }

    public string ConfigDirectory { get; }

    /// <summary>One JSON file per saved session.</summary>
    public string SessionsDirectory => Path.Combine(ConfigDirectory, "sessions");

    /// <summary>One text file of command history per saved session.</summary>
    public string HistoryDirectory => Path.Combine(ConfigDirectory, "history");

    /// <summary>The platform's config folder, or the one <see cref="OverrideVariable"/> names.</summary>
    /// <param name="getEnv">Environment lookup; the CLI passes its own so tests never touch process-wide state.
    /// Null means <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <exception cref="InvalidOperationException">No home folder is known and no override is set.</exception>
    public static ConfigPaths Resolve(Func<string, string?>? getEnv = null) =>
        new(ResolveDirectory(
            getEnv ?? Environment.GetEnvironmentVariable,
            OperatingSystem.IsWindows() ? ConfigPlatform.Windows
                : OperatingSystem.IsMacOS() ? ConfigPlatform.MacOS : ConfigPlatform.Other,
            Environment.GetFolderPath));

    /// <summary>The resolution rules with the platform and folder lookups injected, so every platform's rule is
    /// testable on any machine.</summary>
    internal static string ResolveDirectory(
        Func<string, string?> getEnv, ConfigPlatform platform, Func<Environment.SpecialFolder, string> getFolder)
    {
        if (getEnv(OverrideVariable) is { Length: > 0 } overridden)
        {
            return Path.GetFullPath(overridden);
        }

        switch (platform)
        {
            case ConfigPlatform.Windows:
                return Path.Combine(Required(getFolder(Environment.SpecialFolder.ApplicationData), "%APPDATA%"), "NetTerm");
            case ConfigPlatform.MacOS:
                // .NET maps ApplicationData to ~/.config on macOS; native apps live under Application Support.
                return Path.Combine(Home(getFolder), "Library", "Application Support", "NetTerm");
            default:
                // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
                var xdg = getEnv("XDG_CONFIG_HOME");
                return xdg is { Length: > 0 } && Path.IsPathRooted(xdg)
                    ? Path.Combine(xdg, "netterm")
                    : Path.Combine(Home(getFolder), ".config", "netterm");
        }
    }

    private static string Home(Func<Environment.SpecialFolder, string> getFolder) =>
        Required(getFolder(Environment.SpecialFolder.UserProfile), "the home folder");

    private static string Required(string folder, string what) =>
        string.IsNullOrEmpty(folder)
            ? throw new InvalidOperationException($"Cannot find {what} for the config folder; set {OverrideVariable}.")
            : folder;
}
