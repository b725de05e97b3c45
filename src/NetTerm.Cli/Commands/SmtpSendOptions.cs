using System.CommandLine;

namespace NetTerm.Cli.Commands;

/// <summary>The options of `netterm smtp send`. None takes an `@…` value (System.CommandLine reads `@x` as a
/// response file): files are named with --body-file and --eml.</summary>
internal sealed class SmtpSendOptions
{
    public Option<string?> Server { get; } = new("--server", "-s") { Description = "Mail server: name or address, optionally :port ([::1]:2525); without it, the MX hosts of the first recipient's domain, in preference order", HelpName = "host[:port]" };

    public Option<string?> DnsServer { get; } = new("--dns-server") { Description = "DNS server for the MX lookup (IP[:PORT]; default: the system's)", HelpName = "ip" };

    public Option<int?> Port { get; } = new("--port", "-p") { Description = "Port (default 25; 465 means implicit TLS)", HelpName = "port" };

    public Option<bool> Tls { get; } = new("--tls") { Description = "Implicit TLS from the first byte (465)" };

    public Option<string> StartTls { get; } = new Option<string>("--starttls")
    {
        Description = "auto: upgrade when offered; always: fail when not offered; never",
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong("auto", "always", "never");

    public Option<FileInfo?> Ca { get; } = new("--ca") { Description = "Also trust this CA certificate (PEM file)", HelpName = "file" };

    public Option<bool> Insecure { get; } = new("--insecure", "-k") { Description = "Accept any server certificate (reported as UNVERIFIED)" };

    public Option<string?> Helo { get; } = new("--helo") { Description = "Name for EHLO (default: this machine's name)", HelpName = "name" };

    public Option<string?> From { get; } = new("--from", "-f") { Description = "Envelope sender, also the header From unless --eml", HelpName = "address" };

    public Option<string[]> To { get; } = new("--to", "-t") { Description = "Recipient (repeatable)", HelpName = "address", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> Cc { get; } = new("--cc") { Description = "Cc recipient (repeatable; also an envelope recipient)", HelpName = "address" };

    public Option<string?> Subject { get; } = new("--subject") { Description = "Subject", HelpName = "text" };

    public Option<string[]> Header { get; } = new("--header") { Description = "Extra header \"Name: value\" (repeatable)", HelpName = "header" };

    public Option<string?> Body { get; } = new("--body") { Description = "Body text", HelpName = "text" };

    public Option<FileInfo?> BodyFile { get; } = new("--body-file") { Description = "Body from this file", HelpName = "file" };

    public Option<FileInfo?> Eml { get; } = new("--eml") { Description = "Send this RFC 5322 file as it is (headers included)", HelpName = "file" };

    public Option<string?> Auth { get; } = new Option<string?>("--auth", "-a")
    {
        Description = "AUTH mechanism",
        HelpName = "PLAIN|LOGIN|CRAM-MD5|XOAUTH2",
    }.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2");

    public Option<string?> User { get; } = new("--user", "-u") { Description = "AUTH user", HelpName = "user" };

    public Option<string?> PasswordEnv { get; } = new("--password-env") { Description = "Read the password (or XOAUTH2 token) from this environment variable", HelpName = "var" };

    public Option<bool> PasswordStdin { get; } = new("--password-stdin") { Description = "Read the password from the first line of stdin (never give it as an argument: shell history)" };

    public Option<bool> AllowPlaintextAuth { get; } = new("--allow-plaintext-auth") { Description = "Send AUTH even when the session is not encrypted" };

    public Option<bool> Pipelining { get; } = new("--pipelining") { Description = "Group commands (and, with --count, the next message's envelope) when the server offers PIPELINING" };

    public Option<int> Count { get; } = new("--count") { Description = "Messages to send in this one session", DefaultValueFactory = _ => 1, HelpName = "n" };

    public Option<string?> QuitAfter { get; } = new Option<string?>("--quit-after")
    {
        Description = "Stop (QUIT) after this stage",
        HelpName = "connect|helo|tls|auth|mail|rcpt|data",
    }.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "connect", "helo", "tls", "auth", "mail", "rcpt", "data");

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds allowed for the connect, and for each reply", DefaultValueFactory = _ => 30, HelpName = "seconds" };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only the summary line" };

    public Option<bool> ShowData { get; } = new("--show-data") { Description = "Print the message lines instead of \"[N lines, M bytes]\"" };

    public Option<bool> Json { get; } = new("--json") { Description = "Write the result as JSON on stdout (the transcript goes to stderr unless --quiet)" };

    public IEnumerable<Option> All =>
    [
        Server, DnsServer, Port, Tls, StartTls, Ca, Insecure, Helo, From, To, Cc, Subject, Header, Body, BodyFile, Eml, Auth, User, PasswordEnv,
        PasswordStdin, AllowPlaintextAuth, Pipelining, Count, QuitAfter, Timeout, Quiet, ShowData, Json,
    ];
}
