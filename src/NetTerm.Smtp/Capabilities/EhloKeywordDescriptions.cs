using System.Globalization;

namespace NetTerm.Smtp.Capabilities;

/// <summary>One-line explanations of EHLO keywords for the person reading the server's answer.</summary>
internal static class EhloKeywordDescriptions
{
    /// <summary>The explanation of <paramref name="keyword"/> with its parameters, or null when it is not one
    /// NetTerm knows.</summary>
    public static string? Describe(EhloKeyword keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        var p = keyword.Parameters;
        var list = string.Join(", ", p);
        return keyword.Name.ToUpperInvariant() switch
        {
            "PIPELINING" => "PIPELINING: you may send several commands (MAIL, RCPT, ...) without waiting for each reply (RFC 2920).",
            "SIZE" => DescribeSize(p),
            "STARTTLS" => "STARTTLS: the connection can be upgraded to TLS with the STARTTLS command (RFC 3207).",
            "AUTH" => p.Count == 0
                ? "AUTH: login is offered, but no mechanism was listed (RFC 4954)."
                : $"AUTH: login with {list} (RFC 4954).",
            "AUTH=" => $"AUTH= (obsolete form for old Outlook clients): login with {list}.",
            "ENHANCEDSTATUSCODES" => "ENHANCEDSTATUSCODES: replies start with a detailed code such as 5.7.1 (RFC 2034, RFC 3463).",
            "8BITMIME" => "8BITMIME: message bodies may contain 8-bit bytes with MAIL ... BODY=8BITMIME (RFC 6152).",
            "BINARYMIME" => "BINARYMIME: binary bodies can be sent with BDAT and BODY=BINARYMIME (RFC 3030).",
            "CHUNKING" => "CHUNKING: the message can be sent in sized chunks with BDAT instead of DATA (RFC 3030).",
            "DSN" => "DSN: delivery status notifications can be requested with NOTIFY=, RET= and ENVID= (RFC 3461).",
            "SMTPUTF8" => "SMTPUTF8: UTF-8 addresses and headers are accepted with MAIL ... SMTPUTF8 (RFC 6531).",
            "REQUIRETLS" => "REQUIRETLS: a message can demand TLS on every hop with MAIL ... REQUIRETLS (RFC 8689).",
            "ETRN" => "ETRN: a client can ask the server to flush mail queued for a domain (RFC 1985).",
            "DELIVERBY" => p.Count == 0
                ? "DELIVERBY: a delivery deadline can be set with MAIL ... BY= (RFC 2852)."
                : $"DELIVERBY: a delivery deadline can be set with MAIL ... BY= (RFC 2852); shortest accepted: {p[0]} seconds.",
            "HELP" => "HELP: the HELP command answers with usage text (RFC 5321).",
            "VRFY" => "VRFY: the server says it will answer VRFY (whether an address exists) (RFC 5321).",
            "EXPN" => "EXPN: the server says it will expand mailing lists with EXPN (RFC 5321).",
            "BURL" => "BURL: the message can be fetched from an IMAP URL instead of being sent (RFC 4468).",
            "MT-PRIORITY" => "MT-PRIORITY: messages can carry a priority with MAIL ... MT-PRIORITY= (RFC 6710).",
            "FUTURERELEASE" => "FUTURERELEASE: delivery can be held until a later time (RFC 4865).",
            "LIMITS" => $"LIMITS: the server announces its limits{(p.Count > 0 ? ": " + list : string.Empty)} (RFC 9422).",
            "PRDR" => "PRDR: per-recipient replies after DATA can be requested (Exim, draft-hall-prdr).",
            "PIPECONNECT" => "PIPECONNECT: the client may pipeline EHLO with the greeting on later connections (Exim).",
            "XCLIENT" => $"XCLIENT: a trusted proxy may override the client's name and address{Attributes(list)} (Postfix).",
            "XFORWARD" => $"XFORWARD: a trusted filter may pass on the original client's details{Attributes(list)} (Postfix).",
            "X-ANONYMOUSTLS" => "X-ANONYMOUSTLS: Exchange servers may use TLS between themselves without certificates (Microsoft).",
            "X-EXPS" => $"X-EXPS: Exchange server-to-server authentication{(p.Count > 0 ? " with " + list : string.Empty)} (Microsoft).",
            "XEXCH50" => "XEXCH50: legacy Exchange message properties can be passed between servers (Microsoft).",
            "XRDST" => "XRDST: Exchange redirection of the client to another server (Microsoft).",
            "XSHADOW" or "XSHADOWREQUEST" => "XSHADOW: Exchange shadow redundancy between transport servers (Microsoft).",
            "VERB" => "VERB: verbose mode for debugging delivery (Sendmail).",
            "ONEX" => "ONEX: one message per connection mode (Sendmail).",
            "TURN" or "ATRN" => $"{keyword.Name.ToUpperInvariant()}: roles can be reversed so the server sends queued mail back (RFC 821/RFC 2645).",
            _ => null,
        };
    }

    private static string DescribeSize(IReadOnlyList<string> parameters)
    {
        if (parameters.Count == 0)
        {
            return "SIZE: the server checks declared message sizes but announces no fixed limit (RFC 1870).";
        }

        if (!long.TryParse(parameters[0], NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
        {
            return $"SIZE: the limit \"{parameters[0]}\" is not a number (RFC 1870 wants a byte count).";
        }

        return limit == 0
            ? "SIZE 0: no fixed limit on message size (RFC 1870)."
            : $"SIZE: the largest message accepted is {ByteSizeText.Format(limit)} (RFC 1870).";
    }

    private static string Attributes(string list) => list.Length > 0 ? " (" + list + ")" : string.Empty;
}
