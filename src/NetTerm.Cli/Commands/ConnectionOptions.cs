using System.CommandLine;

namespace NetTerm.Cli.Commands;

/// <summary>The connection and headless options shared by the root command and, later, `smtp`: declared once so
/// every command that connects accepts the same spelling.</summary>
internal sealed class ConnectionOptions
{
    public Option<string?> Session { get; } = new("--session")
    {
        Description = "Open a saved session (see 'netterm sessions'); options given here override its values",
        HelpName = "name",
    };

    public Option<string> Mode { get; } = CreateMode();

    public Option<bool> IPv4 { get; } = new("-4") { Description = "Use IPv4 addresses only" };

    public Option<bool> IPv6 { get; } = new("-6") { Description = "Use IPv6 addresses only" };

    public Option<double> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "Total time allowed for DNS, connect, proxy and TLS, in seconds",
        DefaultValueFactory = _ => 15,
        HelpName = "seconds",
    };

    public Option<double?> IdleTimeout { get; } = new("--idle-timeout", "-w")
    {
        Description = "Close when nothing is sent or received for this many seconds (like nc -w)",
        HelpName = "seconds",
    };

    public Option<bool> KeepAlive { get; } = new("--keepalive") { Description = "Enable TCP keepalive" };

    public Option<bool> Tls { get; } = new("--tls") { Description = "Implicit TLS: handshake right after connecting" };

    public Option<FileInfo?> Ca { get; } = new("--ca") { Description = "Also trust this CA certificate (PEM file)", HelpName = "file" };

    public Option<bool> Insecure { get; } = new("--insecure", "-k")
    {
        Description = "Accept any server certificate (shown as UNVERIFIED everywhere)",
    };

    public Option<string?> Sni { get; } = new("--sni") { Description = "Server name to send (SNI) and verify", HelpName = "name" };

    public Option<FileInfo?> Cert { get; } = new("--cert") { Description = "Client certificate (PEM)", HelpName = "file" };

    public Option<FileInfo?> Key { get; } = new("--key") { Description = "Private key for --cert (PEM)", HelpName = "file" };

    public Option<string> TlsMin { get; } = new("--tls-min")
    {
        Description = "Lowest TLS version to accept",
        DefaultValueFactory = _ => "1.2",
        HelpName = "version",
    };

    public Option<string?> Proxy { get; } = new("--proxy")
    {
        Description = "Connect through socks5://[user@]host:port or http://[user@]host:port; the password may come from NETTERM_PROXY_PASSWORD",
        HelpName = "uri",
    };

    public Option<bool> Lf { get; } = new("--lf") { Description = "End sent lines with LF instead of CRLF" };

    public Option<bool> Cr { get; } = new("--cr") { Description = "End sent lines with CR instead of CRLF" };

    public Option<string> Charset { get; } = new("--charset")
    {
        Description = "Text encoding: utf-8, latin1, cp437, cp850, cp1252, …",
        DefaultValueFactory = _ => "utf-8",
        HelpName = "name",
    };

    public Option<string> TerminalType { get; } = new("--ttype")
    {
        Description = "Terminal type sent to telnet servers that ask (TTYPE)",
        DefaultValueFactory = _ => "DUMB",
        HelpName = "name",
    };

    public Option<FileInfo?> Log { get; } = new("--log", "-l") { Description = "Write a timestamped transcript to this file", HelpName = "file" };

    public Option<string> LogFormat { get; } = CreateLogFormat();

    public Option<bool> NoTui { get; } = new("--no-tui", "-n")
    {
        Description = "Headless: stdin lines go to the server, server text to stdout (like nc)",
    };

    public Option<bool> Binary { get; } = new("--binary", "-b")
    {
        Description = "Headless: pass bytes through exactly in both directions, no line-ending translation",
    };

    public Option<double> Wait { get; } = new("--wait")
    {
        Description = "Headless: after stdin ends, wait this long for the server to close, in seconds",
        DefaultValueFactory = _ => 10,
        HelpName = "seconds",
    };

    public Option<int> Scrollback { get; } = new("--scrollback")
    {
        Description = "Lines kept in the full-screen client's output pane",
        DefaultValueFactory = _ => 100_000,
        HelpName = "lines",
    };

    public Option<string> Backspace { get; } = CreateBackspace();

    public Option<double> ReplyTimeout { get; } = new("--reply-timeout")
    {
        Description = "SMTP: the most a reply may take, from its command to its last line, before NetTerm closes",
        HelpName = "seconds",
        DefaultValueFactory = _ => 60,
    };

    public Option<bool> AllowPlaintextAuth { get; } = new("--allow-plaintext-auth")
    {
        Description = "SMTP headless: send AUTH on an unencrypted session (the interactive client asks instead)",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Connection details on stderr; stack traces on errors" };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No status lines on stderr, errors only" };

    private static Option<string> CreateMode()
    {
        var mode = new Option<string>("--mode", "-m")
        {
            Description = "Profile: auto (smtp on 25/465/587/2525, telnet on 23 or when the server negotiates), raw, telnet or smtp",
            DefaultValueFactory = _ => "auto",
        };
        mode.AcceptOnlyFromAmong("auto", "raw", "telnet", "smtp");
        return mode;
    }

    private static Option<string> CreateLogFormat()
    {
        var format = new Option<string>("--log-format")
        {
            Description = "Transcript format: text (swaks-style lines) or jsonl (one JSON object per line; secrets redacted alike)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "jsonl");
        return format;
    }

    private static Option<string> CreateBackspace()
    {
        var backspace = new Option<string>("--backspace")
        {
            Description = "What Backspace sends in telnet character mode: del (0x7F) or ctrl-h (0x08)",
            DefaultValueFactory = _ => "del",
        };
        backspace.AcceptOnlyFromAmong("del", "ctrl-h");
        return backspace;
    }

    public IEnumerable<Option> All =>
    [
        Session, Mode, IPv4, IPv6, ConnectTimeout, IdleTimeout, KeepAlive, Tls, Ca, Insecure, Sni, Cert, Key, TlsMin, Proxy,
        Lf, Cr, Charset, TerminalType, Log, LogFormat, NoTui, Binary, Wait, Scrollback, Backspace, ReplyTimeout, AllowPlaintextAuth, Verbose, Quiet,
    ];
}
