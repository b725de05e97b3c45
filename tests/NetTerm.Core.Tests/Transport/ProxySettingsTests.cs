using NetTerm.Core.Transport;

namespace NetTerm.Core.Tests.Transport;

public sealed class ProxySettingsTests
{
    private static string? NoEnv(string name) => null;

    [Fact]
    public void Parse_Socks5HostPort_NoCredentials()
    {
        var settings = ProxySettings.Parse("socks5://proxy.example:1080", NoEnv);

        Assert.Equal(new ProxySettings(ProxyKind.Socks5, "proxy.example", 1080), settings);
    }

    [Fact]
    public void Parse_HttpWithEscapedCredentials_Unescapes()
    {
        var settings = ProxySettings.Parse("http://bob:p%40ss%3Aword@10.0.0.1:3128", NoEnv);

        Assert.Equal(new ProxySettings(ProxyKind.HttpConnect, "10.0.0.1", 3128, "bob", "p@ss:word"), settings);
    }

    [Fact]
    public void Parse_UserWithoutPassword_ReadsPasswordFromEnvironment()
    {
        var asked = new List<string>();

        var settings = ProxySettings.Parse("socks5://alice@127.0.0.1:1080", name =>
        {
            asked.Add(name);
            return "from-env";
        });

        Assert.Equal(["NETTERM_PROXY_PASSWORD"], asked);
        Assert.Equal(("alice", "from-env"), (settings.UserName, settings.Password));
    }

    [Fact]
    public void Parse_UserWithoutPasswordAndNoEnvironment_ThrowsNamingVariable()
    {
        var error = Assert.Throws<FormatException>(() => ProxySettings.Parse("socks5://alice@host:1080", NoEnv));

        Assert.Contains("NETTERM_PROXY_PASSWORD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExplicitPassword_DoesNotReadEnvironment()
    {
        var settings = ProxySettings.Parse("socks5://alice:pw@host:1080", _ => throw new InvalidOperationException());

        Assert.Equal("pw", settings.Password);
    }

    [Theory]
    [InlineData("socks5://[::1]:1080", "::1", 1080)]
    [InlineData("http://[2001:db8::7]:8080", "2001:db8::7", 8080)]
    [InlineData("socks5h://localhost:9050", "localhost", 9050)]
    [InlineData("http://proxy:80", "proxy", 80)]
    [InlineData("http://proxy:3128/", "proxy", 3128)]
    public void Parse_Hosts_AreBare(string uri, string host, int port)
    {
        var settings = ProxySettings.Parse(uri, NoEnv);

        Assert.Equal((host, port), (settings.Host, settings.Port));
    }

    [Theory]
    [InlineData("")]
    [InlineData("proxy:1080")]
    [InlineData("ftp://proxy:21")]
    [InlineData("https://proxy:443")]
    [InlineData("socks5://proxy")]
    [InlineData("http://proxy")]
    [InlineData("http://proxy:0")]
    [InlineData("http://proxy:99999")]
    [InlineData("socks5://proxy:1080/path")]
    [InlineData("socks5://proxy:1080?x=1")]
    [InlineData("socks5://:pw@proxy:1080")]
    [InlineData("socks5://[::1:1080")]
    public void Parse_BadUri_ThrowsOneLineFormatException(string uri)
    {
        var error = Assert.Throws<FormatException>(() => ProxySettings.Parse(uri, NoEnv));

        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Parse_BadUriWithPassword_MessageOmitsPassword()
    {
        var error = Assert.Throws<FormatException>(() => ProxySettings.Parse("socks5://alice:hunter2@host", NoEnv));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Socks5UserLongerThan255Bytes_Throws()
    {
        var uri = $"socks5://{new string('u', 256)}:pw@host:1080";

        Assert.Throws<FormatException>(() => ProxySettings.Parse(uri, NoEnv));
    }

    [Fact]
    public void ToString_WithPassword_MasksIt()
    {
        var settings = new ProxySettings(ProxyKind.HttpConnect, "::1", 3128, "bob", "hunter2");

        Assert.Equal("http://bob:***@[::1]:3128", settings.ToString());
    }
}
