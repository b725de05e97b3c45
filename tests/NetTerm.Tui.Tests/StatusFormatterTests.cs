using NetTerm.Core.Transport;

namespace NetTerm.Tui.Tests;

public class StatusFormatterTests
{
    private static CertificateSummary Certificate(bool verified) => new(
        "CN=mail.example.org", "CN=Test CA", ["mail.example.org"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100),
        "AB:CD", "Tls13", "TLS_AES_256_GCM_SHA384", "mail.example.org", verified, verified ? null : "untrusted root", !verified);

    [Fact]
    public void Format_ConnectedPlain_ShowsTargetModeStateBytesTimeAndHints()
    {
        var text = StatusFormatter.ToText(StatusFormatter.Format(new StatusSnapshot(
            "example.org:23", "telnet", LinkState.Connected, null, null, 1536, 12, TimeSpan.FromSeconds(3723), "/tmp/s.log")));

        Assert.Equal("example.org:23 │ telnet │ connected │ in 1.5 KiB out 12 B │ 1:02:03 │ log s.log │ " + StatusFormatter.KeyHints, text);
    }

    [Fact]
    public void Format_UnverifiedTls_IsABadSegmentSayingUnverified()
    {
        var segments = StatusFormatter.Format(new StatusSnapshot("h:465", "raw", LinkState.Connected, null, Certificate(false), 0, 0, null, null));

        var tls = Assert.Single(segments, s => s.Text.Contains("TLS_AES", StringComparison.Ordinal));
        Assert.Equal(StatusTone.Bad, tls.Tone);
        Assert.EndsWith("UNVERIFIED", tls.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_VerifiedTls_ShowsProtocolCipherAndName()
    {
        var segments = StatusFormatter.Format(new StatusSnapshot("h:465", "raw", LinkState.Connected, null, Certificate(true), 0, 0, null, null));

        Assert.Contains(new StatusSegment("Tls13 TLS_AES_256_GCM_SHA384 mail.example.org", StatusTone.Good), segments);
    }

    [Fact]
    public void Format_FailedWithCharMode_ShowsReasonReconnectHintAndCharMode()
    {
        var segments = StatusFormatter.Format(new StatusSnapshot("h:23", "telnet", LinkState.Failed, "connection refused", null, 0, 0, null, null, CharMode: true));

        Assert.Contains(new StatusSegment("failed: connection refused (^R reconnect)", StatusTone.Bad), segments);
        Assert.Contains(new StatusSegment("char mode", StatusTone.Warning), segments);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1024, "1.0 KiB")]
    [InlineData(5L * 1024 * 1024 * 1024, "5.0 GiB")]
    public void Bytes_Values_UseBinaryPrefixes(long n, string expected) => Assert.Equal(expected, StatusFormatter.Bytes(n));
}
