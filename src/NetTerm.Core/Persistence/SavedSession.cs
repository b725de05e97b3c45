using System.Globalization;
using System.Text;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;

namespace NetTerm.Core.Persistence;

/// <summary>A named connection the user saved: the portable subset of <see cref="SessionOptions"/>, stored as one
/// readable JSON file per session (see <see cref="SessionStore"/>; the file layout is <c>SavedSessionDocument</c>).</summary>
/// <remarks>Modes and line endings are lower-case words rather than enum names so the file reads and edits well by
/// hand, and so "smtp" (a profile, not a <see cref="SessionMode"/>) fits. Client certificates, proxies and timeouts
/// are deliberately not saved yet.</remarks>
/// <param name="Name">The file name without extension; see <see cref="SessionNames"/>.</param>
public sealed record SavedSession(string Name, string Host, int Port)
{
    /// <summary>The values <see cref="Mode"/> accepts.</summary>
    public static IReadOnlyList<string> Modes { get; } = ["auto", "raw", "telnet", "smtp"];

    /// <summary>The values <see cref="LineEnding"/> accepts.</summary>
    public static IReadOnlyList<string> LineEndings { get; } = ["crlf", "lf", "cr"];

    /// <summary>auto, raw, telnet or smtp.</summary>
    public string Mode { get; init; } = "auto";

    /// <summary>Implicit TLS from the first byte.</summary>
    public bool Tls { get; init; }

    public string? CaFile { get; init; }

    public bool Insecure { get; init; }

    public string? Sni { get; init; }

    /// <summary>crlf, lf or cr.</summary>
    public string LineEnding { get; init; } = "crlf";

    public string? LogFile { get; init; }

    /// <summary>The values <see cref="LogFormat"/> accepts.</summary>
    public static IReadOnlyList<string> LogFormats { get; } = ["text", "jsonl"];

    /// <summary>text or jsonl: how <see cref="LogFile"/> is written.</summary>
    public string LogFormat { get; init; } = "text";

    public string Charset { get; init; } = "utf-8";

    public string TerminalType { get; init; } = "DUMB";

    /// <summary>Options for a new session to this server. "smtp" maps to <see cref="SessionMode.Raw"/>: SMTP is a
    /// line protocol, and the caller picks the SMTP profile from <see cref="Mode"/>.</summary>
    /// <param name="charset">Resolves <see cref="Charset"/>; the caller decides how an unknown name is reported.</param>
    /// <exception cref="FormatException">A field holds a value this build does not know.</exception>
    public SessionOptions ToSessionOptions(Func<string, Encoding> charset)
    {
        ArgumentNullException.ThrowIfNull(charset);
        Validate();
        return new SessionOptions(Host, Port)
        {
            Mode = Mode switch
            {
                "raw" or "smtp" => SessionMode.Raw,
                "telnet" => SessionMode.Telnet,
                _ => SessionMode.Auto,
            },
            Tls = Tls ? new TlsOptions(Host, Sni, CaFile, Insecure) : null,
            LineEnding = LineEnding switch
            {
                "lf" => Sessions.LineEnding.Lf,
                "cr" => Sessions.LineEnding.Cr,
                _ => Sessions.LineEnding.CrLf,
            },
            Encoding = charset(Charset),
            TerminalType = TerminalType,
        };
    }

    /// <summary>Captures what <paramref name="options"/> has that a saved session keeps.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid session name.</exception>
    /// <param name="logFormat">text or jsonl.</param>
    public static SavedSession FromSessionOptions(string name, SessionOptions options, string? logFile, string logFormat = "text")
    {
        SessionNames.Validate(name);
        ArgumentNullException.ThrowIfNull(options);
        return new SavedSession(name, options.Host, options.Port)
        {
            Mode = options.Mode switch
            {
                SessionMode.Raw => "raw",
                SessionMode.Telnet => "telnet",
                _ => "auto",
            },
            Tls = options.Tls is not null,
            CaFile = options.Tls?.CaFile,
            Insecure = options.Tls?.Insecure ?? false,
            Sni = options.Tls?.Sni,
            LineEnding = options.LineEnding switch
            {
                Sessions.LineEnding.Lf => "lf",
                Sessions.LineEnding.Cr => "cr",
                _ => "crlf",
            },
            LogFile = logFile,
            LogFormat = logFormat,
            // WebName ("utf-8", "iso-8859-1", "ibm437", "windows-1252") is what TextDecoderFactory resolves back.
            Charset = options.Encoding.WebName,
            TerminalType = options.TerminalType,
        };
    }

    /// <summary>Checks what JSON cannot: ranges and the word lists. One-line messages, for a file's error.</summary>
    /// <exception cref="FormatException">The first problem found.</exception>
    internal void Validate()
    {
        if (!SessionNames.IsValid(Name))
        {
            throw new FormatException($"name '{Name}' is not a valid session name");
        }

        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new FormatException("host is missing or empty");
        }

        if (Port is < 1 or > 65535)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"port must be 1 to 65535 (got {Port})"));
        }

        if (!Modes.Contains(Mode))
        {
            throw new FormatException($"mode must be one of {string.Join(", ", Modes)} (got '{Mode}')");
        }

        if (!LineEndings.Contains(LineEnding))
        {
            throw new FormatException($"lineEnding must be one of {string.Join(", ", LineEndings)} (got '{LineEnding}')");
        }

        if (!LogFormats.Contains(LogFormat))
        {
            throw new FormatException($"logFormat must be one of {string.Join(", ", LogFormats)} (got '{LogFormat}')");
        }

        if (string.IsNullOrWhiteSpace(Charset) || string.IsNullOrWhiteSpace(TerminalType))
        {
            throw new FormatException("charset and terminalType must not be empty");
        }
    }
}
