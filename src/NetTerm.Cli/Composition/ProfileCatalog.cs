using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Smtp.Profile;

namespace NetTerm.Cli.Composition;

/// <summary>Which profile a mode name means. The one place that knows every profile: front ends get the mode
/// names and a chooser, never a profile type.</summary>
internal static class ProfileCatalog
{
    public static IReadOnlyList<string> Modes { get; } = ["auto", "raw", "telnet", "smtp"];

    /// <summary>Ports where `auto` means SMTP: 25 (relay), 465 (submissions, implicit TLS), 587 (submission), 2525.</summary>
    public static bool IsSmtpPort(int port) => port is 25 or 465 or 587 or 2525;

    /// <summary>The profile name for a mode and port: auto settles on smtp by port, and on telnet for 23.</summary>
    public static string Resolve(string? mode, int port) => mode switch
    {
        "raw" or "telnet" or "smtp" => mode,
        _ when IsSmtpPort(port) => "smtp",
        _ when port == 23 => "telnet",
        _ => "auto",
    };

    /// <summary>How the session reads the stream for a profile: SMTP is a line protocol with no IAC.</summary>
    public static SessionMode SessionModeFor(string profile) => profile switch
    {
        "raw" or "smtp" => SessionMode.Raw,
        "telnet" => SessionMode.Telnet,
        _ => SessionMode.Auto,
    };

    /// <summary>465 is implicit TLS (RFC 8314) unless the user said otherwise.</summary>
    public static bool ImplicitTlsByDefault(string profile, int port) => profile == "smtp" && port == 465;

    public static IProfile Create(string profile, bool allowPlaintextAuth, TimeSpan? replyTimeout = null) => profile switch
    {
        "smtp" => new SmtpProfile(new SmtpProfileOptions(AllowPlaintextAuth: allowPlaintextAuth)
        {
            ReplyTimeout = replyTimeout ?? TimeSpan.FromSeconds(60),
        }),
        "telnet" => PassThroughProfile.Telnet,
        _ => PassThroughProfile.Raw,
    };
}
