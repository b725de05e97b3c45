namespace NetTerm.Smtp.Replies;

/// <summary>Reads the tab-separated catalogs embedded as NetTerm.Smtp.Catalogs.&lt;file&gt; (a manifest resource
/// stream, so it works in the AOT-published app without reflection).</summary>
internal static class CatalogResource
{
    /// <summary>The rows of an embedded catalog: blank lines and '#' comments skipped, each row split on tabs.</summary>
    /// <exception cref="InvalidDataException">The resource is missing or a row has the wrong number of columns;
    /// the data ships with the assembly, so this is a build mistake that a test catches.</exception>
    public static IReadOnlyList<string[]> ReadRows(string fileName, int columns)
    {
        var name = "NetTerm.Smtp.Catalogs." + fileName;
        using var stream = typeof(CatalogResource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"Embedded catalog {name} is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != columns || Array.Exists(fields, string.IsNullOrWhiteSpace))
            {
                throw new InvalidDataException($"{name} line {number}: expected {columns} non-empty columns.");
            }

            rows.Add(fields);
        }

        return rows;
    }
}
