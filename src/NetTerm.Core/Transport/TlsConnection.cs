using System.Net.Security;

namespace NetTerm.Core.Transport;

/// <summary>An authenticated TLS stream and what was learned about the peer during the handshake.</summary>
/// <param name="Stream">The TLS stream; it owns the inner stream and disposing it closes the connection.</param>
/// <param name="Certificate">The server certificate and the verification verdict.</param>
public sealed record TlsConnection(SslStream Stream, CertificateSummary Certificate);
