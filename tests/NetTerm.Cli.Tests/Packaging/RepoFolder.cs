namespace NetTerm.Cli.Tests.Packaging;

/// <summary>The repository checkout these tests were built from (the folder holding NetTerm.sln).</summary>
internal static class RepoFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetTerm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NetTerm.sln not found above " + AppContext.BaseDirectory);
    }
}
