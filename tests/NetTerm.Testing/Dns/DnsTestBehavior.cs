namespace NetTerm.Testing.Dns;

/// <summary>How <see cref="DnsTestServer"/> treats queries for one name.</summary>
public enum DnsTestBehavior
{
    /// <summary>Answer from the table (NOERROR, possibly with no records of the asked type).</summary>
    Answer,

    /// <summary>RCODE 3: the name does not exist.</summary>
    NxDomain,

    /// <summary>RCODE 2: the server failed.</summary>
    ServFail,

    /// <summary>RCODE 5: the server refuses.</summary>
    Refused,

    /// <summary>Never answer: the client times out.</summary>
    Drop,

    /// <summary>Over UDP, an empty answer with TC set; over TCP, the full answer (RFC 7766 fallback).</summary>
    TruncateUdp,
}
