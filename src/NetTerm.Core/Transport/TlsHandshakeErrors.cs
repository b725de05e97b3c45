using System.Net.Sockets;
using System.Security.Authentication;

namespace NetTerm.Core.Transport;

/// <summary>Turns a failed handshake (not a refused certificate) into one line a user can act on.</summary>
internal static class TlsHandshakeErrors
{
    public static string Describe(Exception error, SslProtocols minimum)
    {
        ArgumentNullException.ThrowIfNull(error);
        var chain = new List<Exception>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }

        if (chain.OfType<SocketException>().Any(s => s.SocketErrorCode == SocketError.ConnectionReset))
        {
            return "TLS: connection reset by the server during the handshake";
        }

        // Platform texts differ (OpenSSL, SChannel, Secure Transport); match the reasons, not whole messages.
        var text = string.Join(" | ", chain.Select(e => e.Message)).ToUpperInvariant();
        if (chain.OfType<EndOfStreamException>().Any() || text.Contains("UNEXPECTED EOF", StringComparison.Ordinal)
            || text.Contains("0 BYTES FROM THE TRANSPORT", StringComparison.Ordinal))
        {
            return "TLS: server closed the connection during the handshake";
        }

        if (text.Contains("WRONG VERSION NUMBER", StringComparison.Ordinal)
            || text.Contains("PACKET LENGTH TOO LONG", StringComparison.Ordinal)
            || text.Contains("RECORD LAYER FAILURE", StringComparison.Ordinal)
            || text.Contains("HTTP REQUEST", StringComparison.Ordinal)
            // SslStream's own record parser, which sees a plaintext greeting before OpenSSL does.
            || text.Contains("CANNOT DETERMINE THE FRAME SIZE", StringComparison.Ordinal)
            || text.Contains("CORRUPTED FRAME", StringComparison.Ordinal)
            || text.Contains("UNEXPECTED MESSAGE", StringComparison.Ordinal)
            || text.Contains("MESSAGE RECEIVED WAS UNEXPECTED OR BADLY FORMATTED", StringComparison.Ordinal))
        {
            return "TLS: the server did not answer with TLS (plaintext on this port? try STARTTLS or the TLS port)";
        }

        if (text.Contains("PROTOCOL VERSION", StringComparison.Ordinal)
            || text.Contains("UNSUPPORTED PROTOCOL", StringComparison.Ordinal)
            || text.Contains("NO PROTOCOLS AVAILABLE", StringComparison.Ordinal)
            || text.Contains("CLIENT AND SERVER CANNOT COMMUNICATE", StringComparison.Ordinal))
        {
            var floor = minimum == SslProtocols.Tls13 ? "TLS 1.3" : "TLS 1.2";
            return $"TLS: no common protocol version (the server does not support {floor} or newer)";
        }

        if (text.Contains("CERTIFICATE REQUIRED", StringComparison.Ordinal)
            || text.Contains("BAD CERTIFICATE", StringComparison.Ordinal)
            || text.Contains("UNKNOWN CA", StringComparison.Ordinal))
        {
            return "TLS: the server rejected the handshake over the client certificate (missing or not trusted)";
        }

        if (text.Contains("HANDSHAKE FAILURE", StringComparison.Ordinal)
            || text.Contains("NO SHARED CIPHER", StringComparison.Ordinal))
        {
            return "TLS: handshake failure (no cipher suite or parameters in common with the server)";
        }

        if (chain.OfType<IOException>().Any() && !chain.OfType<AuthenticationException>().Any())
        {
            return $"TLS: connection lost during the handshake: {TrustAnchors.FirstLine(chain[^1].Message)}";
        }

        return $"TLS: handshake failed: {TrustAnchors.FirstLine(chain[^1].Message)}";
    }
}
