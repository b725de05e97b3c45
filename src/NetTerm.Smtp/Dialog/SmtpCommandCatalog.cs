namespace NetTerm.Smtp.Dialog;

/// <summary>What NetTerm knows about each SMTP verb: its syntax template and whether it ends a PIPELINING group.</summary>
internal static class SmtpCommandCatalog
{
    public sealed record Entry(string Verb, string Template, string Help, bool SyncPoint, string? Capability);

    /// <summary>RFC 2920 §3.1: after these the client waits for every reply before sending more.</summary>
    public static IReadOnlyList<Entry> All { get; } =
    [
        new("EHLO", "EHLO ", "Identify and ask for the server's extensions", true, null),
        new("HELO", "HELO ", "Identify (plain SMTP, no extensions)", true, null),
        new("STARTTLS", "STARTTLS", "Upgrade this connection to TLS", true, "STARTTLS"),
        new("AUTH", "AUTH ", "Authenticate (NetTerm computes the credentials)", true, "AUTH"),
        new("MAIL FROM:", "MAIL FROM:<>", "Start a message: the envelope sender", false, null),
        new("RCPT TO:", "RCPT TO:<>", "Add a recipient (each RCPT adds one)", false, null),
        new("DATA", "DATA", "Send the message; end it with a line holding only \".\"", true, null),
        new("BDAT", "BDAT ", "Send a chunk of the message (CHUNKING)", false, "CHUNKING"),
        new("RSET", "RSET", "Abort the current transaction", false, null),
        new("NOOP", "NOOP", "Do nothing; the server answers 250", true, null),
        new("VRFY", "VRFY ", "Ask whether an address exists", true, "VRFY"),
        new("EXPN", "EXPN ", "Expand a mailing list", true, "EXPN"),
        new("HELP", "HELP", "Ask the server for help", false, null),
        new("ETRN", "ETRN ", "Ask the server to flush its queue for a domain", false, "ETRN"),
        new("QUIT", "QUIT", "Close the session politely", true, null),
    ];

    private static readonly Dictionary<string, Entry> ByVerb = All.ToDictionary(e => e.Verb, StringComparer.Ordinal);

    public static Entry? Find(string verb) => ByVerb.GetValueOrDefault(verb);

    /// <summary>Unknown verbs are treated as sync points: waiting is always safe.</summary>
    public static bool IsSyncPoint(string verb) => Find(verb)?.SyncPoint ?? true;
}
