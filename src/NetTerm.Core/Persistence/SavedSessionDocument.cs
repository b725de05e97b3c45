using System.Globalization;

namespace NetTerm.Core.Persistence;

/// <summary>The on-disk shape of a <see cref="SavedSession"/>: version 1 of the sessions file format.</summary>
/// <remarks>A separate mutable class because the JSON source generator builds a record with a primary constructor
/// through one object initializer that sets every init-only property, so a field missing from a hand-written file
/// would become null instead of keeping its default. Here, missing fields keep the defaults below. It also lets the
/// file format evolve (a version 2 reader) without changing the public record.</remarks>
internal sealed class SavedSessionDocument
{
    /// <summary>The file format this build writes and the newest it reads.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>Informational: the file name is the session's identity (a file renamed by hand takes its new name).</summary>
    public string? Name { get; set; }

    public string Host { get; set; } = string.Empty;

    public int Port { get; set; }

    public string Mode { get; set; } = "auto";

    public bool Tls { get; set; }

    public string? CaFile { get; set; }

    public bool Insecure { get; set; }

    public string? Sni { get; set; }

    public string LineEnding { get; set; } = "crlf";

    public string? LogFile { get; set; }

    public string LogFormat { get; set; } = "text";

    public string Charset { get; set; } = "utf-8";

    public string TerminalType { get; set; } = "DUMB";

    public static SavedSessionDocument From(SavedSession session) => new()
    {
        Name = session.Name,
        Host = session.Host,
        Port = session.Port,
        Mode = session.Mode,
        Tls = session.Tls,
        CaFile = session.CaFile,
        Insecure = session.Insecure,
        Sni = session.Sni,
        LineEnding = session.LineEnding,
        LogFile = session.LogFile,
        LogFormat = session.LogFormat,
        Charset = session.Charset,
        TerminalType = session.TerminalType,
    };

    /// <exception cref="FormatException">A version this build cannot read, or an invalid field.</exception>
    public SavedSession ToSession(string name)
    {
        if (Version is < 1 or > CurrentVersion)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"version {Version} is not supported (this NetTerm reads version {CurrentVersion})"));
        }

        var session = new SavedSession(name, Host, Port)
        {
            Mode = Mode,
            Tls = Tls,
            CaFile = CaFile,
            Insecure = Insecure,
            Sni = Sni,
            LineEnding = LineEnding,
            LogFile = LogFile,
            LogFormat = LogFormat,
            Charset = Charset,
            TerminalType = TerminalType,
        };
        session.Validate();
        return session;
    }
}
