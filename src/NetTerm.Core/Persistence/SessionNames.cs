namespace NetTerm.Core.Persistence;

/// <summary>The rule for saved-session names, which are also file names on every platform.</summary>
public static class SessionNames
{
    public const int MaxLength = 64;

    // Windows refuses these as file names whatever the extension; refusing them everywhere keeps a config folder
    // that is copied between machines usable.
    private static readonly string[] WindowsReserved =
    [
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    /// <summary>ASCII letters and digits, '-', '_' and '.'; at most <see cref="MaxLength"/> characters; not "." or
    /// ".."; not a name Windows reserves.</summary>
    public static bool IsValid(string? name) => Problem(name) is null;

    /// <exception cref="ArgumentException">One line saying what is wrong.</exception>
    public static void Validate(string? name)
    {
        if (Problem(name) is { } problem)
        {
            // No parameter name: the message is shown to users as is, and "(Parameter 'name')" would be noise.
            throw new ArgumentException(problem);
        }
    }

    private static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "a session name must not be empty";
        }

        if (name.Length > MaxLength)
        {
            return $"session name '{Shown(name[..16])}…' is longer than {MaxLength} characters";
        }

        // ASCII only: non-ASCII names normalise differently on macOS (NFD) and elsewhere (NFC).
        if (name is "." or ".." || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return $"invalid session name '{Shown(name)}': use letters, digits, '-', '_' and '.'";
        }

        var stem = name.Split('.')[0];
        if (WindowsReserved.Contains(stem, StringComparer.OrdinalIgnoreCase))
        {
            return $"invalid session name '{name}': {stem} is reserved on Windows";
        }

        return null;
    }

    // The message must stay one line and must not let a name carry escape sequences to the terminal.
    private static string Shown(string name) =>
        string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
}
