namespace NetTerm.Cli.Tests.Packaging;

public sealed class PublishWarningsTests
{
    [Fact]
    public void Find_TrimAndAotDiagnostics_ReturnsEachOnce()
    {
        const string output = """
              NetTerm.Cli -> /src/bin/Release/net10.0/linux-x64/netterm.dll
              Generating native code
            /src/Foo.cs(12,9): warning IL2026: Using member 'System.Text.Json.JsonSerializer.Serialize<T>(T)' which has 'RequiresUnreferencedCodeAttribute' [/src/NetTerm.Cli.csproj]
            ILC : AOT analysis error IL3050: Foo.Bar(): Using member 'System.Text.Json.JsonSerializer.Serialize<T>(T)' which has 'RequiresDynamicCodeAttribute' [/src/NetTerm.Cli.csproj]
            /src/Foo.cs(12,9): warning IL2026: Using member 'System.Text.Json.JsonSerializer.Serialize<T>(T)' which has 'RequiresUnreferencedCodeAttribute' [/src/NetTerm.Cli.csproj]
            ILC : Trim analysis warning IL2104: Assembly 'SomeLibrary' produced trim warnings. [/src/NetTerm.Cli.csproj]
            /src/Foo.cs(3,1): warning CS0168: The variable 'e' is declared but never used
            /src/Foo.cs(4,1): warning IL1234: not a trim or AOT code
              NetTerm.Cli -> /tmp/out/
            """;

        var found = PublishWarnings.Find(output);

        Assert.Equal(3, found.Count);
        Assert.Contains(found, l => l.Contains("warning IL2026", StringComparison.Ordinal));
        Assert.Contains(found, l => l.Contains("error IL3050", StringComparison.Ordinal));
        Assert.Contains(found, l => l.Contains("warning IL2104", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_CleanPublish_ReturnsNothing()
    {
        const string output = """
              Restored /src/NetTerm.Cli/NetTerm.Cli.csproj (in 405 ms).
              NetTerm.Cli -> /src/bin/Release/net10.0/linux-x64/netterm.dll
              Generating native code
              NetTerm.Cli -> /tmp/out/
            """;

        Assert.Empty(PublishWarnings.Find(output));
    }
}
