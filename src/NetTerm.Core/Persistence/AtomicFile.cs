using System.Text;

namespace NetTerm.Core.Persistence;

/// <summary>Replaces a file so a reader sees the old content or the new, never half of it: a crash or a full disk
/// during the write leaves the previous file intact.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <remarks>Synchronous on purpose: these are small config files written at a few moments (save, exit), and a
    /// sync write keeps the stores usable from the TUI's main loop and the CLI without an async ripple.</remarks>
    public static void WriteAllText(string path, string contents)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Same folder as the target, so the move is a rename on the same volume and not a copy. Dot-prefixed and
        // ".tmp"-suffixed so listings that look for "*.json" or "*.txt" never pick it up.
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // History and sessions can show who the user talks to: owner-only, like ~/.ssh/config.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temp, options))
            {
                var bytes = Utf8.GetBytes(contents);
                stream.Write(bytes);
                // Flush to the disk before the rename; otherwise a power cut can leave the new name on empty data.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The original error matters more than a leftover temp file.
        }
    }
}
