namespace NetTerm.Core.Text;

/// <summary>Joins arguments into one POSIX-shell command line that a user can paste (bash, zsh, and PowerShell for
/// the plain words NetTerm's commands use).</summary>
public static class ShellWords
{
    /// <summary>A word left bare when it holds only characters no shell treats specially; otherwise in single
    /// quotes, with an embedded quote written as '\''.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '+' or ',' or '@' or '%'))
        {
            // '@' only after the first character: System.CommandLine reads a leading '@' as a response file.
            if (word[0] != '@')
            {
                return word;
            }
        }

        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
