using System.Text;

namespace NetTerm.Core.Persistence;

/// <summary>Command history per saved session: <c>&lt;name&gt;.txt</c>, one command a line, newest last.</summary>
/// <remarks>
/// <para><b>The store does not filter.</b> The caller must never pass secret lines: AUTH credentials and their
/// base64 continuations, anything typed while the server had echo off (a telnet password prompt), or anything a
/// profile's redactor would mask. Whatever is passed is written to disk in clear text.</para>
/// <para>Synchronous like <see cref="SessionStore"/>: a history is at most <see cref="MaxLines"/> short lines, loaded
/// when a session opens and saved when it closes. Two NetTerm windows on the same session: the last to save wins.</para>
/// </remarks>
public sealed class HistoryStore
{
    /// <summary>The newest lines kept on save (and on load, for a file edited by hand).</summary>
    public const int MaxLines = 1000;

    private const string Extension = ".txt";

    /// <param name="directory">The history folder; null means <see cref="ConfigPaths.HistoryDirectory"/> of
    /// <see cref="ConfigPaths.Resolve"/>. Created on the first save.</param>
    public HistoryStore(string? directory = null) =>
        Directory = directory ?? ConfigPaths.Resolve().HistoryDirectory;

    public string Directory { get; }

    /// <summary>The saved history, oldest first; empty when there is none.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid session name.</exception>
    public IReadOnlyList<string> Load(string name)
    {
        SessionNames.Validate(name);
        var path = PathFor(name);
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = File.ReadAllLines(path, Encoding.UTF8).Where(line => line.Length > 0).ToList();
        return lines.Count > MaxLines ? lines[^MaxLines..] : lines;
    }

    /// <summary>Replaces the saved history with the newest <see cref="MaxLines"/> of <paramref name="lines"/>
    /// (oldest first). Empty lines, and lines holding CR or LF (which could not be read back as one entry), are
    /// skipped.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid session name.</exception>
    public void Save(string name, IEnumerable<string> lines)
    {
        SessionNames.Validate(name);
        ArgumentNullException.ThrowIfNull(lines);
        // A queue keeps memory bounded by MaxLines however long the caller's sequence is.
        var kept = new Queue<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrEmpty(line) || line.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                continue;
            }

            if (kept.Count == MaxLines)
            {
                kept.Dequeue();
            }

            kept.Enqueue(line);
        }

        var text = new StringBuilder();
        foreach (var line in kept)
        {
            // "\n" on every platform, so a config folder moves between machines unchanged.
            text.Append(line).Append('\n');
        }

        AtomicFile.WriteAllText(PathFor(name), text.ToString());
    }

    private string PathFor(string name) => Path.Combine(Directory, name + Extension);
}
