namespace NetTerm.Core.Text;

/// <summary>Shapes exception text into the one-line messages users see.</summary>
public static class Messages
{
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
