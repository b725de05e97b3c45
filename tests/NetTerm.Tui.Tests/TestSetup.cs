using System.Runtime.CompilerServices;

namespace NetTerm.Tui.Tests;

internal static class TestSetup
{
    /// <summary>Terminal.Gui's ANSI driver with no console I/O: what its own test suites use.</summary>
    [ModuleInitializer]
    internal static void Init() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
