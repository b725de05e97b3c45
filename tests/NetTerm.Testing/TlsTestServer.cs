using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace NetTerm.Testing;

/// <summary>An SslStream server on loopback: handshake, then <see cref="Greeting"/>, then echo. It can also misbehave
/// (<see cref="TlsServerBehavior"/>), require a client certificate, or speak TLS 1.2 only.</summary>
public sealed class TlsTestServer : IAsyncDisposable
{
    public const string Greeting = "220 tls test server\r\n";
    public const string Plaintext = "220 plaintext server, no TLS here\r\n";

    private readonly X509Certificate2 _certificate;
    private readonly TlsServerBehavior _behavior;
    private readonly bool _requireClientCertificate;
    private readonly SslProtocols _protocols;
    private readonly TaskCompletionSource<TlsServerSession> _first =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly LoopbackServer _server;

    private TlsTestServer(
        X509Certificate2 certificate, TlsServerBehavior behavior, bool requireClientCertificate, SslProtocols protocols)
    {
        _certificate = certificate;
        _behavior = behavior;
        _requireClientCertificate = requireClientCertificate;
        _protocols = protocols;
        _server = LoopbackServer.Start(HandleAsync);
    }

    public int Port => _server.Port;

    /// <summary>The first connection's handshake result, server side.</summary>
    public Task<TlsServerSession> FirstSession => _first.Task;

    /// <param name="protocols">None lets the OS choose (TLS 1.2 and 1.3); Tls12 makes a TLS 1.2-only server.</param>
    public static TlsTestServer Start(
        X509Certificate2 certificate,
        TlsServerBehavior behavior = TlsServerBehavior.Handshake,
        bool requireClientCertificate = false,
        SslProtocols protocols = SslProtocols.None)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new TlsTestServer(certificate, behavior, requireClientCertificate, protocols);
    }

    /// <summary>A raw TCP connection to the server, for the client under test to handshake over.</summary>
    public Task<TcpClient> ConnectAsync(CancellationToken ct) => _server.ConnectAsync(ct);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(TcpClient client, CancellationToken ct)
    {
        var stream = client.GetStream();
        switch (_behavior)
        {
            case TlsServerBehavior.SendPlaintext:
                await stream.WriteAsync(Encoding.ASCII.GetBytes(Plaintext), ct);
                // Stay open: the client must fail on the bytes, not on a close.
                await stream.CopyToAsync(Stream.Null, ct);
                return;
            case TlsServerBehavior.ResetDuringHandshake:
                var hello = new byte[5];
                await stream.ReadExactlyAsync(hello, ct);
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                return;
            default:
                await HandshakeAsync(stream, ct);
                return;
        }
    }

    /// <summary>Any client certificate passes (tests assert on what was seen), but a required one must be there, so a
    /// client that silently sends none fails the handshake.</summary>
    private bool AcceptClient(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null || !_requireClientCertificate;

    private async Task HandshakeAsync(NetworkStream stream, CancellationToken ct)
    {
        await using var ssl = new SslStream(stream, leaveInnerStreamOpen: true);
        try
        {
            await ssl.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ClientCertificateRequired = _requireClientCertificate,
                    RemoteCertificateValidationCallback = AcceptClient,
                    EnabledSslProtocols = _protocols,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                },
                ct);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            _first.TrySetResult(new TlsServerSession(false, null, null, SslProtocols.None, ex));
            return;
        }

        var clientCertificate = ssl.RemoteCertificate is { } c
            ? X509CertificateLoader.LoadCertificate(c.GetRawCertData())
            : null;
        _first.TrySetResult(new TlsServerSession(true, ssl.TargetHostName, clientCertificate, ssl.SslProtocol, null));
        await ssl.WriteAsync(Encoding.ASCII.GetBytes(Greeting), ct);
        await ssl.CopyToAsync(ssl, ct);
    }
}
