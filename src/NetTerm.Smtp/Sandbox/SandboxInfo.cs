using System.Globalization;
using System.Net;

namespace NetTerm.Smtp.Sandbox;

/// <summary>What a running sandbox offers: the startup table, the welcome panel and the tests read it.</summary>
/// <param name="Features">The EHLO keywords, in the order sent before STARTTLS, then what TLS adds.</param>
/// <param name="CertificatePemPath">The certificate as PEM, for `netterm smtp … --ca FILE`.</param>
internal sealed record SandboxInfo(
    IPEndPoint Endpoint,
    IReadOnlyList<string> Features,
    string User,
    string Password,
    string StoreDirectory,
    string CertificateSha256,
    string CertificatePemPath)
{
    public static IReadOnlyList<string> FeaturesFor(int maxMessageSize) =>
    [
        "PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8", "STARTTLS",
        string.Create(CultureInfo.InvariantCulture, $"SIZE {maxMessageSize}"),
        "AUTH PLAIN LOGIN (after STARTTLS)",
    ];

    /// <summary>The startup table `netterm sandbox` prints: one "label  value" line each.</summary>
    public IReadOnlyList<string> Table()
    {
        var port = Endpoint.Port.ToString(CultureInfo.InvariantCulture);
        (string Label, string Value)[] rows =
        [
            ("listening", $"{Endpoint.Address}:{port}"),
            ("features", string.Join(", ", Features)),
            ("STARTTLS", $"self-signed CN=localhost, valid 1 day, SHA-256 {CertificateSha256}"),
            ("certificate", CertificatePemPath),
            ("AUTH", $"user {User}  password {Password}"),
            ("relay", $"recipients @{SandboxOptions.LocalDomain} accepted; other domains need AUTH (else 550 {RelayPolicyFilter.RelayDenied})"),
            ("store", StoreDirectory),
            ("try", $"netterm smtp 127.0.0.1 {port} --ca {CertificatePemPath}"),
        ];
        var width = rows.Max(r => r.Label.Length) + 2;
        return
        [
            "NetTerm SMTP sandbox (SmtpServer 11.1.0)",
            .. rows.Select(r => "  " + r.Label.PadRight(width) + r.Value),
            "Ctrl+C stops the sandbox.",
        ];
    }

    /// <summary>One line per accepted message.</summary>
    public static string Line(StoredMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var from = message.From.Length == 0 ? "<>" : $"<{message.From}>";
        var to = string.Join(", ", message.Recipients.Select(r => $"<{r}>"));
        var how = (message.Tls ? "TLS" : "plain") + (message.User is { } user ? $", auth {user}" : string.Empty);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{message.Received:HH:mm:ss} accepted {from} -> {to}, {message.Size} bytes ({how}): {message.Path}");
    }
}
