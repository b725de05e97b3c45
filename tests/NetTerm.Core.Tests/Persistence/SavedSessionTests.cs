using System.Security.Authentication;
using System.Text;
using NetTerm.Core.Persistence;
using NetTerm.Core.Sessions;
using NetTerm.Core.Text;
using NetTerm.Core.Transport;

namespace NetTerm.Core.Tests.Persistence;

public sealed class SavedSessionTests
{
    [Fact]
    public void ToSessionOptions_EveryField_MapsToSessionOptions()
    {
        var saved = new SavedSession("work", "mail.example.com", 465)
        {
            Mode = "telnet",
            Tls = true,
            CaFile = "/ca.pem",
            Insecure = true,
            Sni = "mx.example.com",
            LineEnding = "cr",
            Charset = "cp437",
            TerminalType = "VT100",
        };

        var o = saved.ToSessionOptions(TextDecoderFactory.GetDecodingEncoding);

        Assert.Equal(("mail.example.com", 465, SessionMode.Telnet), (o.Host, o.Port, o.Mode));
        Assert.Equal(new TlsOptions("mail.example.com", "mx.example.com", "/ca.pem", Insecure: true), o.Tls);
        Assert.Equal(LineEnding.Cr, o.LineEnding);
        Assert.Equal(437, o.Encoding.CodePage);
        Assert.Equal("VT100", o.TerminalType);
    }

    [Theory]
    [InlineData("auto", SessionMode.Auto)]
    [InlineData("raw", SessionMode.Raw)]
    [InlineData("telnet", SessionMode.Telnet)]
    [InlineData("smtp", SessionMode.Raw)]
    public void ToSessionOptions_Mode_Maps(string mode, SessionMode expected)
    {
        var o = new SavedSession("s", "h", 25) { Mode = mode }.ToSessionOptions(_ => Encoding.UTF8);

        Assert.Equal(expected, o.Mode);
        Assert.Null(o.Tls);
    }

    [Fact]
    public void ToSessionOptions_UnknownMode_ThrowsFormatException()
    {
        var ex = Assert.Throws<FormatException>(
            () => new SavedSession("s", "h", 25) { Mode = "ssh" }.ToSessionOptions(_ => Encoding.UTF8));

        Assert.Contains("'ssh'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("latin1")]
    [InlineData("cp437")]
    [InlineData("cp850")]
    [InlineData("windows-1252")]
    public void FromSessionOptions_ThenToSessionOptions_RoundTripsTheCharset(string charset)
    {
        var options = new SessionOptions("h", 23) { Encoding = TextDecoderFactory.GetDecodingEncoding(charset) };

        var back = SavedSession.FromSessionOptions("s", options, null).ToSessionOptions(TextDecoderFactory.GetDecodingEncoding);

        Assert.Equal(options.Encoding.CodePage, back.Encoding.CodePage);
    }

    [Fact]
    public void FromSessionOptions_TlsSession_CapturesTheSavedSubset()
    {
        var options = new SessionOptions("h", 992)
        {
            Mode = SessionMode.Telnet,
            Tls = new TlsOptions("h", "sni.example", "/ca.pem", Insecure: false, MinimumVersion: SslProtocols.Tls13),
            LineEnding = LineEnding.Lf,
            TerminalType = "XTERM",
        };

        var saved = SavedSession.FromSessionOptions("tn", options, "/logs/tn.log");

        Assert.Equal(
            new SavedSession("tn", "h", 992)
            {
                Mode = "telnet",
                Tls = true,
                CaFile = "/ca.pem",
                Sni = "sni.example",
                LineEnding = "lf",
                LogFile = "/logs/tn.log",
                Charset = "utf-8",
                TerminalType = "XTERM",
            },
            saved);
    }

    [Fact]
    public void FromSessionOptions_InvalidName_Throws() =>
        Assert.Throws<ArgumentException>(() => SavedSession.FromSessionOptions("a/b", new SessionOptions("h", 1), null));
}
