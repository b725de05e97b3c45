using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetTerm.Testing;

/// <summary>Throwaway certificates made with <see cref="CertificateRequest"/>, and PEM copies in a temporary directory
/// for the options that take files. Use as an xunit class fixture: making keys is the slow part.</summary>
public sealed class TestCertificates : IDisposable
{
    /// <summary>The names every good server certificate is issued for.</summary>
    public static readonly IReadOnlyList<string> ServerNames = ["localhost", "mx.peers.test"];

    public static readonly IReadOnlyList<IPAddress> ServerAddresses = [IPAddress.Loopback, IPAddress.IPv6Loopback];

    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    private readonly List<X509Certificate2> _all = [];

    public TestCertificates()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("netterm-certs-").FullName;
        var now = DateTimeOffset.UtcNow;
        Ca = CreateCa("CN=NetTerm Test CA", now);
        OtherCa = CreateCa("CN=Other Test CA", now);
        Leaf = Issue(Ca, "CN=localhost", ServerNames, ServerAddresses, now.AddDays(-1), now.AddDays(30), ServerAuth);
        Expired = Issue(Ca, "CN=localhost", ServerNames, ServerAddresses,
            new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            ServerAuth);
        NotYetValid = Issue(Ca, "CN=localhost", ServerNames, ServerAddresses, now.AddYears(1), now.AddYears(2), ServerAuth);
        WrongHost = Issue(Ca, "CN=wrong.example", ["wrong.example"], [], now.AddDays(-1), now.AddDays(30), ServerAuth);
        FromOtherCa = Issue(OtherCa, "CN=localhost", ServerNames, ServerAddresses, now.AddDays(-1), now.AddDays(30),
            ServerAuth);
        Client = Issue(Ca, "CN=netterm-client", [], [], now.AddDays(-1), now.AddDays(30), ClientAuth);
        SelfSigned = CreateSelfSigned(now);

        CaPemPath = Write("ca.pem", Ca.ExportCertificatePem());
        // Two CAs in one file: the --ca file may hold several.
        BothCasPemPath = Write("cas.pem", OtherCa.ExportCertificatePem() + "\n" + Ca.ExportCertificatePem());
        ClientCertPemPath = Write("client.pem", Client.ExportCertificatePem());
        ClientKeyPemPath = Write("client.key", Client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    /// <summary>A second CA that is never in <see cref="CaPemPath"/>.</summary>
    public X509Certificate2 OtherCa { get; }

    /// <summary>For <see cref="ServerNames"/> and <see cref="ServerAddresses"/>, signed by <see cref="Ca"/>.</summary>
    public X509Certificate2 Leaf { get; }

    /// <summary>Like <see cref="Leaf"/> but valid only during 2023.</summary>
    public X509Certificate2 Expired { get; }

    public X509Certificate2 NotYetValid { get; }

    /// <summary>Signed by <see cref="Ca"/>, for wrong.example only.</summary>
    public X509Certificate2 WrongHost { get; }

    public X509Certificate2 FromOtherCa { get; }

    public X509Certificate2 SelfSigned { get; }

    /// <summary>CN=netterm-client, clientAuth, signed by <see cref="Ca"/>.</summary>
    public X509Certificate2 Client { get; }

    public string CaPemPath { get; }

    public string BothCasPemPath { get; }

    public string ClientCertPemPath { get; }

    public string ClientKeyPemPath { get; }

    public void Dispose()
    {
        foreach (var certificate in _all)
        {
            certificate.Dispose();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private X509Certificate2 CreateCa(string subject, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return Keep(request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), now.AddYears(10)));
    }

    private X509Certificate2 Issue(
        X509Certificate2 issuer,
        string subject,
        IEnumerable<string> names,
        IEnumerable<IPAddress> addresses,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        string usage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = LeafRequest(subject, key, names, addresses, usage);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var unkeyed = request.Create(issuer, notBefore, notAfter, serial);
        return Keep(unkeyed.CopyWithPrivateKey(key));
    }

    private X509Certificate2 CreateSelfSigned(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = LeafRequest("CN=localhost", key, ServerNames, ServerAddresses, ServerAuth);
        return Keep(request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30)));
    }

    private static CertificateRequest LeafRequest(
        string subject, ECDsa key, IEnumerable<string> names, IEnumerable<IPAddress> addresses, string usage)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var san = new SubjectAlternativeNameBuilder();
        var any = false;
        foreach (var name in names)
        {
            san.AddDnsName(name);
            any = true;
        }

        foreach (var address in addresses)
        {
            san.AddIpAddress(address);
            any = true;
        }

        if (any)
        {
            request.CertificateExtensions.Add(san.Build());
        }

        return request;
    }

    private X509Certificate2 Keep(X509Certificate2 certificate)
    {
        _all.Add(certificate);
        return certificate;
    }

    private string Write(string name, string pem)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, pem);
        return path;
    }
}
