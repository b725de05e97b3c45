using NetTerm.Core.Persistence;

namespace NetTerm.Cli.Commands;

/// <summary>Turns `--session NAME` into a <see cref="SavedSession"/>, with every failure a one-line usage error.</summary>
internal static class SavedSessionLookup
{
    /// <summary>The store under the config folder; NETTERM_CONFIG_DIR is read through <paramref name="getEnv"/> so
    /// tests never set process-wide variables.</summary>
    public static SessionStore OpenStore(Func<string, string?> getEnv) =>
        new(ConfigPaths.Resolve(getEnv).SessionsDirectory);

    /// <exception cref="UsageException">The name is invalid, unknown (the message lists the known names) or its file
    /// is broken.</exception>
    public static SavedSession Find(SessionStore store, string name)
    {
        try
        {
            if (store.Load(name) is { } session)
            {
                return session;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new UsageException($"--session: {ex.Message}", ex);
        }

        var known = store.List().Select(l => l.Name).ToList();
        throw new UsageException(known.Count == 0
            ? $"--session: no saved session '{name}'; there are no saved sessions in {store.Directory}"
            : $"--session: no saved session '{name}'; saved sessions: {string.Join(", ", known)}");
    }
}
