using System.Net;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.ComponentModel;

namespace NetTerm.Smtp.Sandbox;

/// <summary>
/// The embedded SMTP sandbox: SmtpServer (the NuGet package) on 127.0.0.1 with STARTTLS on a fresh self-signed
/// certificate, AUTH PLAIN/LOGIN for one account (after STARTTLS only, as a real submission server), a relay policy
/// (<see cref="RelayPolicyFilter"/>), enhanced status codes (<see cref="EnhancedReplyWriter"/>) and an .eml store.
/// </summary>
internal sealed class SandboxServer : IAsyncDisposable
{
    /// <summary>The certificate's PEM copy in the store, for `--ca` (and for `smtp --sandbox` to trust it).</summary>
    public const string CertificateFileName = "sandbox-cert.pem";

    private readonly global::SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop;
    private readonly Task _run;
    private readonly X509Certificate2 _certificate;

    private SandboxServer(
        global::SmtpServer.SmtpServer server, CancellationTokenSource stop, Task run, X509Certificate2 certificate, SandboxInfo info)
    {
        _server = server;
        _stop = stop;
        _run = run;
        _certificate = certificate;
        Info = info;
    }

    public SandboxInfo Info { get; }

    public int Port => Info.Endpoint.Port;

    /// <summary>Starts listening; returns once the port is bound (a port in use throws a SocketException).</summary>
    /// <param name="stored">Called, on a session's thread, for every accepted message.</param>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, Action<StoredMessage>? stored, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "port must be 0..65535");
        }

        var store = Directory.CreateDirectory(options.StoreDirectory).FullName;
        var certificate = SandboxCertificate.Create();
        var pemPath = Path.Combine(store, CertificateFileName);
        await File.WriteAllTextAsync(pemPath, certificate.ExportCertificatePem() + "\n", ct).ConfigureAwait(false);

        var listeners = new SandboxListenerFactory();
        var smtpOptions = new SmtpServerOptionsBuilder()
            .ServerName(SandboxOptions.ServerName)
            .CustomSmtpGreeting(_ => $"220 {SandboxOptions.ServerName} ESMTP NetTerm sandbox")
            .MaxMessageSize(options.MaxMessageSize, MaxMessageSizeHandling.Strict)
            .Endpoint(e => e
                .Endpoint(new IPEndPoint(IPAddress.Loopback, options.Port))
                .AllowUnsecureAuthentication(false)
                .Certificate(certificate))
            .Build();
        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new SandboxCommandFactory());
        services.Add(new RelayPolicyFilter());
        services.Add(new SandboxUserAuthenticator(options.User, options.Password));
        services.Add(new EmlMessageStore(store, stored));
        var server = new global::SmtpServer.SmtpServer(smtpOptions, services);
        var stop = new CancellationTokenSource();
        var run = Task.Run(() => server.StartAsync(stop.Token), CancellationToken.None);
        try
        {
            var first = await Task.WhenAny(listeners.Bound, run).WaitAsync(ct).ConfigureAwait(false);
            if (first == run)
            {
                await run.ConfigureAwait(false);
                throw new InvalidOperationException("the SMTP server stopped before it listened");
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            stop.Dispose();
            certificate.Dispose();
            throw;
        }

        var endpoint = await listeners.Bound.ConfigureAwait(false);
        var info = new SandboxInfo(
            endpoint,
            SandboxInfo.FeaturesFor(options.MaxMessageSize),
            options.User,
            options.Password,
            store,
            Core.Transport.CertificateFingerprint.Sha256(certificate),
            pemPath);
        return new SandboxServer(server, stop, run, certificate, info);
    }

    /// <summary>Stops listening and ends open sessions (they get "221 … cancelled").</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        _server.Shutdown();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _run.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The server's own cancellation, which is how it stops.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A session that does not end within the grace period is abandoned with the process.
            }
        }

        _stop.Dispose();
        _certificate.Dispose();
    }
}
