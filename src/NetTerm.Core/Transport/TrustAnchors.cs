using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetTerm.Core.Transport;

/// <summary>Loads the --ca file: extra trust anchors that are added to (never replace) the system roots.</summary>
internal static class TrustAnchors
{
    public static X509Certificate2Collection? Load(string? caFile)
    {
        if (caFile is null)
        {
            return null;
        }

        var anchors = new X509Certificate2Collection();
        try
        {
            anchors.ImportFromPemFile(caFile);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ConnectException(
                ConnectFailure.Tls, $"TLS: cannot read CA file {caFile}: {FirstLine(ex.Message)}", ex);
        }

        if (anchors.Count == 0)
        {
            throw new ConnectException(ConnectFailure.Tls, $"TLS: no PEM certificates found in CA file {caFile}");
        }

        return anchors;
    }

    internal static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? text : text[..end]).Trim();
    }
}
