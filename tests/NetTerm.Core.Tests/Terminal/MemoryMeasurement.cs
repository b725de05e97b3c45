namespace NetTerm.Core.Tests.Terminal;

/// <summary>Tests that measure the process's managed heap must not run next to tests that allocate.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "Memory measurements";
}
