using NetTerm.Core.Transport;

namespace NetTerm.Core.Tests.Transport;

public class HostNamesTests
{
    [Theory]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("BÜCHER.Example", "xn--bcher-kva.example")]
    [InlineData("straße.de", "xn--strae-oqa.de")]
    [InlineData("例え.テスト", "xn--r8jz45g.xn--zckzah")]
    [InlineData("Mail.Example.COM", "Mail.Example.COM")]
    public void ToAscii_Names_GiveTheIdnaFormOfTheLowerCasedName(string name, string expected)
    {
        // Without ICU, IdnMapping does not case-map: an upper-case letter would otherwise name another host.
        Assert.Equal(expected, HostNames.ToAscii(name));
    }

    [Theory]
    [InlineData("a..bü")]
    public void ToAscii_InvalidIdn_ReturnsNull(string name) => Assert.Null(HostNames.ToAscii(name));

    [Fact]
    public void ParseDestination_UpperCaseIdn_DialsTheSameNameAsLowerCase()
    {
        Assert.Equal(HostNames.ParseDestination("bücher.example").Name, HostNames.ParseDestination("BÜCHER.EXAMPLE").Name);
    }
}
