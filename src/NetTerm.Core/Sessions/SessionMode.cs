namespace NetTerm.Core.Sessions;

/// <summary>How received bytes are interpreted.</summary>
public enum SessionMode
{
    /// <summary>Telnet on port 23 or when the server's first bytes are telnet negotiation; raw otherwise.</summary>
    Auto,
    /// <summary>Bytes as they are; no IAC interpretation.</summary>
    Raw,
    /// <summary>RFC 854 telnet; the client announces WILL TTYPE and WILL NAWS.</summary>
    Telnet,
}
