using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace NetTerm.Testing;

/// <summary>What the test server saw of one connection.</summary>
/// <param name="ServerName">The SNI the client sent (null when none).</param>
/// <param name="ClientCertificate">The certificate the client presented (null when none).</param>
/// <param name="Error">Why the server-side handshake failed, when it did.</param>
public sealed record TlsServerSession(
    bool Authenticated,
    string? ServerName,
    X509Certificate2? ClientCertificate,
    SslProtocols Protocol,
    Exception? Error);
