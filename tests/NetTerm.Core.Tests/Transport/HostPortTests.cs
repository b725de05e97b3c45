using NetTerm.Core.Transport;

namespace NetTerm.Core.Tests.Transport;

public sealed class HostPortTests
{
    [Theory]
    [InlineData("mail.example.com", null, "mail.example.com", 23)]
    [InlineData("mail.example.com", 25, "mail.example.com", 25)]
    [InlineData("10.0.0.1:2323", null, "10.0.0.1", 2323)]
    [InlineData("::1", null, "::1", 23)]
    [InlineData("[::1]", 25, "::1", 25)]
    [InlineData("[::1]:2323", null, "::1", 2323)]
    [InlineData("fe80::1%2", 22, "fe80::1%2", 22)]
    [InlineData("[2001:db8::1]:25", 25, "2001:db8::1", 25)]
    public void Parse_ValidForms_SplitsHostAndPort(string text, int? port, string host, int expectedPort)
    {
        var parsed = HostPort.Parse(text, port, 23);

        Assert.Equal(host, parsed.Host);
        Assert.Equal(expectedPort, parsed.Port);
    }

    [Theory]
    [InlineData("", "host is empty")]
    [InlineData("[::1", "unbalanced")]
    [InlineData("[example.com]:25", "not an IPv6 address")]
    [InlineData("host:0", "1 to 65535")]
    [InlineData("host:70000", "1 to 65535")]
    [InlineData("host:abc", "1 to 65535")]
    [InlineData("a:b:c", "not a host name or an IP address")]
    public void Parse_InvalidForms_ThrowsOneLineMessage(string text, string fragment)
    {
        var ex = Assert.Throws<FormatException>(() => HostPort.Parse(text, null, 23));

        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Parse_PortInHostAndArgumentDiffer_Throws()
    {
        var ex = Assert.Throws<FormatException>(() => HostPort.Parse("host:25", 587, 23));

        Assert.Contains("port given twice", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("::1", 23, "[::1]:23")]
    [InlineData("example.com", 25, "example.com:25")]
    public void ToString_Ipv6_UsesBrackets(string host, int port, string expected) =>
        Assert.Equal(expected, new HostPort(host, port).ToString());
}
