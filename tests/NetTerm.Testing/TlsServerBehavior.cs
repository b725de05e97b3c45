namespace NetTerm.Testing;

/// <summary>What <see cref="TlsTestServer"/> does with a connection.</summary>
public enum TlsServerBehavior
{
    /// <summary>A real handshake, then a greeting, then echo.</summary>
    Handshake,

    /// <summary>Answers the ClientHello with a plaintext line, as a non-TLS server on the port would.</summary>
    SendPlaintext,

    /// <summary>Reads the ClientHello, then resets the connection (RST, not FIN).</summary>
    ResetDuringHandshake,
}
