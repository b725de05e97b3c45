using NetTerm.Core.Sessions;
using NetTerm.Core.Telnet;
using NetTerm.Tui.Input;

namespace NetTerm.Tui.Tests.Input;

public class PromptCommandTests
{
    [Theory]
    [InlineData("ayt", TelnetCommand.AYT)]
    [InlineData("send ip", TelnetCommand.IP)]
    [InlineData("SEND BRK", TelnetCommand.BRK)]
    [InlineData("synch", TelnetCommand.DM)]
    [InlineData("  nop ", TelnetCommand.NOP)]
    public void Parse_TelnetCommand_ReturnsSend(string text, TelnetCommand expected)
    {
        var command = Assert.IsType<PromptCommand.Send>(PromptCommand.Parse(text));

        Assert.Equal(expected, command.Command);
    }

    [Fact]
    public void Parse_ModeAndEnding_ReturnsSettings()
    {
        Assert.Equal(new PromptCommand.SetMode(true), PromptCommand.Parse("mode char"));
        Assert.Equal(new PromptCommand.SetMode(null), PromptCommand.Parse("mode auto"));
        Assert.Equal(new PromptCommand.SetEnding(LineEnding.Lf), PromptCommand.Parse("lf"));
    }

    [Fact]
    public void Parse_OpenWithHostAndPort_ReturnsTarget()
    {
        Assert.Equal(new PromptCommand.Open("example.org", 25), PromptCommand.Parse("open example.org 25"));
        Assert.IsType<PromptCommand.Invalid>(PromptCommand.Parse("open example.org 99999"));
    }

    [Fact]
    public void Parse_Unknown_ReturnsInvalidWithHint()
    {
        var invalid = Assert.IsType<PromptCommand.Invalid>(PromptCommand.Parse("frobnicate"));

        Assert.Contains("frobnicate", invalid.Message, StringComparison.Ordinal);
    }
}
