namespace NetTerm.Smtp.Mx;

/// <summary>What a mail host lookup found out about a domain.</summary>
internal enum MailHostOutcome
{
    /// <summary>MX records: the candidates are the exchanges, most preferred first.</summary>
    Mx,

    /// <summary>No MX records, so the domain itself is the mail host (RFC 5321 §5.1): one candidate.</summary>
    AddressFallback,

    /// <summary>A null MX (RFC 7505, a single MX "." of preference 0): the domain accepts no mail.</summary>
    NullMx,

    /// <summary>NXDOMAIN: the domain does not exist.</summary>
    NoSuchDomain,

    /// <summary>The domain exists but has neither MX nor A/AAAA records.</summary>
    NoMailHosts,

    /// <summary>No answer within the timeout.</summary>
    TimedOut,

    /// <summary>The server answered with an error (SERVFAIL, REFUSED, …) or could not be reached.</summary>
    Failed,
}
