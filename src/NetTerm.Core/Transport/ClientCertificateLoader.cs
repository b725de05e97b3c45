using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetTerm.Core.Transport;

/// <summary>Loads the PEM client certificate and key into the form SslStream can present.</summary>
internal static class ClientCertificateLoader
{
    public static SslStreamCertificateContext? Load(TlsOptions options)
    {
        var certFile = options.ClientCertificateFile;
        var keyFile = options.ClientKeyFile;
        if (certFile is null && keyFile is null)
        {
            return null;
        }

        if (certFile is null || keyFile is null)
        {
            throw new ConnectException(
                ConnectFailure.Tls, "TLS: a client certificate needs both the certificate file and the key file");
        }

        try
        {
            var leaf = Usable(X509Certificate2.CreateFromPemFile(certFile, keyFile));

            // Anything after the first certificate in the file is an intermediate the server may need.
            var intermediates = new X509Certificate2Collection();
            intermediates.ImportFromPemFile(certFile);
            if (intermediates.Count > 0)
            {
                intermediates.RemoveAt(0);
            }

            // offline: the context must not fetch missing intermediates over the network during connect.
            return SslStreamCertificateContext.Create(leaf, intermediates, offline: true);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException
                                       or ArgumentException)
        {
            throw new ConnectException(
                ConnectFailure.Tls,
                $"TLS: cannot load client certificate {certFile} with key {keyFile}: {TrustAnchors.FirstLine(ex.Message)}",
                ex);
        }
    }

    /// <summary>A PEM-loaded key is ephemeral. OpenSSL (Linux) signs with it directly, which the client certificate
    /// test proves on every Linux run. SChannel (Windows) and Secure Transport (macOS) cannot use an ephemeral key for
    /// client authentication, so there the certificate is round-tripped through PKCS#12 to get a key they accept.</summary>
    private static X509Certificate2 Usable(X509Certificate2 pem)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsFreeBSD())
        {
            return pem;
        }

        using (pem)
        {
            var pfx = pem.Export(X509ContentType.Pkcs12);
            try
            {
                return X509CertificateLoader.LoadPkcs12(pfx, password: null);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pfx);
            }
        }
    }
}
