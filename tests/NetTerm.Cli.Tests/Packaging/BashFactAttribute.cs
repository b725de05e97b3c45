namespace NetTerm.Cli.Tests.Packaging;

/// <summary>A fact that needs bash (the completion script's shell): skipped where there is none, as on Windows.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BashFactAttribute : FactAttribute
{
    public BashFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        if (!path.Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "bash"))))
        {
            Skip = "bash is not installed";
        }
    }
}
