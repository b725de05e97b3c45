using NetTerm.Core.Sessions;

namespace NetTerm.Core.Profiles;

/// <summary>Command-line words that repeat a session's TLS settings (shared by the profiles' reproduce commands).</summary>
public static class ReproduceArguments
{
    /// <summary>`--tls` for implicit TLS, then `--ca`, `--insecure` and (when asked) `--sni` from whichever TLS
    /// settings the session had, implicit or for STARTTLS.</summary>
    public static IReadOnlyList<string> Tls(SessionOptions options, bool withSni)
    {
        ArgumentNullException.ThrowIfNull(options);
        var words = new List<string>();
        if (options.Tls is not null)
        {
            words.Add("--tls");
        }

        if ((options.Tls ?? options.UpgradeTls) is { } tls)
        {
            if (tls.CaFile is { } ca)
            {
                words.AddRange(["--ca", Path.GetFullPath(ca)]);
            }

            if (tls.Insecure)
            {
                words.Add("--insecure");
            }

            if (withSni && tls.Sni is { } sni)
            {
                words.AddRange(["--sni", sni]);
            }
        }

        return words;
    }
}
