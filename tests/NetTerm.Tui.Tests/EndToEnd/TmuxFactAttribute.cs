using System.Diagnostics;

namespace NetTerm.Tui.Tests.EndToEnd;

/// <summary>A fact that needs tmux. Skipped with the reason when tmux is missing on a developer machine; in CI
/// (CI=true) it runs anyway and fails loudly, so a CI image without tmux cannot pass silently.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!Tmux.IsInstalled && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "tmux is not installed (install it to run the end-to-end TUI tests; CI=true makes this a failure)";
        }
    }
}
