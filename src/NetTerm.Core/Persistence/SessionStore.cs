using System.Text;
using System.Text.Json;

namespace NetTerm.Core.Persistence;

/// <summary>Saved sessions, one <c>&lt;name&gt;.json</c> file each in a folder.</summary>
/// <remarks>File I/O is synchronous: the files are a few hundred bytes, read when a session is opened or listed and
/// written when the user saves, so an async API would add a ripple through callers for no responsiveness gain.
/// Each call goes to the disk; nothing is cached, so edits by hand or by another NetTerm are seen at once.</remarks>
public sealed class SessionStore
{
    private const string Extension = ".json";

    /// <param name="directory">The sessions folder; null means <see cref="ConfigPaths.SessionsDirectory"/> of
    /// <see cref="ConfigPaths.Resolve"/>. Created on the first save.</param>
    public SessionStore(string? directory = null) =>
        Directory = directory ?? ConfigPaths.Resolve().SessionsDirectory;

    public string Directory { get; }

    /// <summary>Every session file, sorted by name. A file that cannot be read or parsed is listed with an error, so
    /// one broken file never hides the others.</summary>
    public IReadOnlyList<SessionListing> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var listings = new List<SessionListing>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory))
        {
            // Checked here rather than with a "*.json" pattern, whose matching differs between platforms.
            var name = Path.GetFileNameWithoutExtension(path);
            if (!string.Equals(Path.GetExtension(path), Extension, StringComparison.Ordinal))
            {
                continue;
            }

            if (!SessionNames.IsValid(name))
            {
                // A hand-made "my work.json" would otherwise vanish without a word.
                listings.Add(new SessionListing(name, null, OneLine($"{path}: the file name is not a valid session name; rename it")));
                continue;
            }

            try
            {
                listings.Add(new SessionListing(name, Read(path, name), null));
            }
            catch (FormatException ex)
            {
                listings.Add(new SessionListing(name, null, ex.Message));
            }
        }

        listings.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
        return listings;
    }

    /// <summary>The session saved as <paramref name="name"/>, or null when there is none.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid session name.</exception>
    /// <exception cref="FormatException">The file exists but is not a valid session; one line naming the file.</exception>
    public SavedSession? Load(string name)
    {
        SessionNames.Validate(name);
        var path = PathFor(name);
        return File.Exists(path) ? Read(path, name) : null;
    }

    /// <summary>Writes <paramref name="session"/> as <c>&lt;Name&gt;.json</c>, replacing any earlier version
    /// atomically.</summary>
    /// <exception cref="ArgumentException">The name is invalid, or a field holds a value the format does not allow.</exception>
    public void Save(SavedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        SessionNames.Validate(session.Name);
        try
        {
            session.Validate();
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"session '{session.Name}': {ex.Message}", ex);
        }

        var json = JsonSerializer.Serialize(SavedSessionDocument.From(session), PersistenceJsonContext.Default.SavedSessionDocument);
        AtomicFile.WriteAllText(PathFor(session.Name), json + "\n");
    }

    /// <summary>Removes the saved session; true when there was one.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid session name.</exception>
    public bool Delete(string name)
    {
        SessionNames.Validate(name);
        var path = PathFor(name);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    private string PathFor(string name) => Path.Combine(Directory, name + Extension);

    private static SavedSession Read(string path, string name)
    {
        try
        {
            ReadOnlySpan<byte> bytes = File.ReadAllBytes(path);
            // Editors on Windows (Notepad) save with a BOM, which the JSON reader refuses.
            if (bytes.StartsWith(Encoding.UTF8.Preamble))
            {
                bytes = bytes[Encoding.UTF8.Preamble.Length..];
            }

            var document = JsonSerializer.Deserialize(bytes, PersistenceJsonContext.Default.SavedSessionDocument)
                ?? throw new FormatException("the file holds null");
            return document.ToSession(name);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{path}: {OneLine(ex.Message)}", ex);
        }
    }

    private static string OneLine(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var c in message.AsSpan().Trim())
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
