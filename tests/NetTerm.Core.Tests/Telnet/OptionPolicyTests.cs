using NetTerm.Core.Telnet;

namespace NetTerm.Core.Tests.Telnet;

public sealed class OptionPolicyTests
{
    [Fact]
    public void Default_AcceptsTheDocumentedOptionsOnly()
    {
        var policy = OptionPolicy.Default;

        Assert.Equal(
            [TelnetOption.Binary, TelnetOption.SuppressGoAhead, TelnetOption.TerminalType, TelnetOption.WindowSize],
            policy.Local.Order());
        Assert.Equal([TelnetOption.Binary, TelnetOption.Echo, TelnetOption.SuppressGoAhead], policy.Remote.Order());
        Assert.False(policy.Accepts(TelnetOption.NewEnvironment, local: true));
        Assert.False(policy.Accepts(TelnetOption.Echo, local: true));
    }

    [Fact]
    public void Deny_Binary_RefusedOnThatSideOnly()
    {
        var policy = OptionPolicy.Default.Deny(TelnetOption.Binary, local: false);

        Assert.False(policy.Accepts(TelnetOption.Binary, local: false));
        Assert.True(policy.Accepts(TelnetOption.Binary, local: true));
        Assert.True(OptionPolicy.Default.Accepts(TelnetOption.Binary, local: false));
    }

    [Fact]
    public void Equals_SameContentBuiltDifferently_Equal()
    {
        var policy = OptionPolicy.Default.Deny(TelnetOption.Echo, local: false).Allow(TelnetOption.Echo, local: false);

        Assert.Equal(OptionPolicy.Default, policy);
        Assert.Equal(OptionPolicy.Default.GetHashCode(), policy.GetHashCode());
        Assert.NotEqual(OptionPolicy.Default, OptionPolicy.Default.Deny(TelnetOption.Echo, local: false));
    }
}
