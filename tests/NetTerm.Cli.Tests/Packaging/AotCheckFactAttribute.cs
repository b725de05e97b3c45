namespace NetTerm.Cli.Tests.Packaging;

/// <summary>A fact that publishes the app with Native AOT: minutes of work on two cores, so it runs only when
/// NETTERM_AOT_CHECK=1 (.ci/run sets it) and is reported as skipped otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AotCheckFactAttribute : FactAttribute
{
    public AotCheckFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("NETTERM_AOT_CHECK") != "1")
        {
            Skip = "Native AOT publish check: set NETTERM_AOT_CHECK=1 (takes about 2 minutes)";
        }
    }
}
