using System.Buffers;
using NetTerm.Core.Telnet;
using static NetTerm.Core.Tests.Telnet.Bytes;

namespace NetTerm.Core.Tests.Telnet;

public sealed class OptionNegotiatorTests
{
    private const byte Echo = (byte)TelnetOption.Echo;
    private const byte TerminalType = (byte)TelnetOption.TerminalType;
    private const byte Unknown = 99;

    private readonly OptionNegotiator _negotiator = new(OptionPolicy.Default);
    private readonly ArrayBufferWriter<byte> _out = new();

    [Fact]
    public void Receive_WillForAcceptedOption_AnswersDoAndEnables()
    {
        var outcome = Receive(TelnetCommand.WILL, Echo);

        Assert.Equal(OptionChange.Enabled, outcome.Change);
        Assert.Equal(Of(Iac, Do, Echo), TakeOutput());
        Assert.True(_negotiator.IsEnabled(Echo, local: false));
        Assert.False(_negotiator.IsEnabled(Echo, local: true));
    }

    [Fact]
    public void Receive_WillWhenAlreadyYes_SendsNothing()
    {
        Receive(TelnetCommand.WILL, Echo);
        TakeOutput();

        var outcome = Receive(TelnetCommand.WILL, Echo);

        Assert.Equal(OptionChange.None, outcome.Change);
        Assert.Empty(TakeOutput());
    }

    [Fact]
    public void Receive_DoForAcceptedLocalOption_AnswersWill()
    {
        var outcome = Receive(TelnetCommand.DO, TerminalType);

        Assert.Equal(OptionChange.Enabled, outcome.Change);
        Assert.Equal(Of(Iac, Will, TerminalType), TakeOutput());
        Assert.True(_negotiator.IsEnabled(TerminalType, local: true));
    }

    [Fact]
    public void Receive_RepeatedWillAndDoForUnknownOption_OneRefusalEach()
    {
        Receive(TelnetCommand.WILL, Unknown);
        Receive(TelnetCommand.WILL, Unknown);
        Receive(TelnetCommand.DO, Unknown);

        Assert.Equal(Of(Iac, Dont, Unknown, Iac, Dont, Unknown, Iac, Wont, Unknown), TakeOutput());
        Assert.Equal(QState.No, _negotiator.GetState(Unknown, local: false));
    }

    [Fact]
    public void Receive_NegativeForDisabledOption_SendsNothing()
    {
        Receive(TelnetCommand.WONT, Unknown);
        Receive(TelnetCommand.DONT, Unknown);
        Receive(TelnetCommand.WONT, Echo);

        Assert.Empty(TakeOutput());
    }

    [Fact]
    public void Receive_WontWhenYes_AcknowledgesOnceAndDisables()
    {
        Receive(TelnetCommand.WILL, Echo);
        TakeOutput();

        var outcome = Receive(TelnetCommand.WONT, Echo);
        Receive(TelnetCommand.WONT, Echo);

        Assert.Equal(OptionChange.Disabled, outcome.Change);
        Assert.Equal(Of(Iac, Dont, Echo), TakeOutput());
    }

    [Fact]
    public void Receive_ServerRepeatsWillAfterOurDont_NoLoop()
    {
        Receive(TelnetCommand.WILL, Echo);
        Assert.Equal(OptionChange.Disabled, _negotiator.Request(Echo, local: false, enable: false, _out));
        Assert.Equal(Of(Iac, Do, Echo, Iac, Dont, Echo), TakeOutput());

        // RFC 1143: WILL in WANTNO is an error answered by nothing, and the option ends up off.
        var outcome = Receive(TelnetCommand.WILL, Echo);

        Assert.Equal(OptionChange.None, outcome.Change);
        Assert.NotNull(outcome.Warning);
        Assert.Empty(TakeOutput());
        Assert.Equal(QState.No, _negotiator.GetState(Echo, local: false));
    }

    [Fact]
    public void Receive_BothSidesRequestSimultaneously_NoReply()
    {
        _negotiator.Request(TerminalType, local: true, enable: true, _out);
        _negotiator.Request(Echo, local: false, enable: true, _out);
        Assert.Equal(Of(Iac, Will, TerminalType, Iac, Do, Echo), TakeOutput());

        // The server's own DO/WILL crossed ours on the wire: each is the acknowledgement we wait for.
        var us = Receive(TelnetCommand.DO, TerminalType);
        var him = Receive(TelnetCommand.WILL, Echo);

        Assert.Equal(OptionChange.Enabled, us.Change);
        Assert.Equal(OptionChange.Enabled, him.Change);
        Assert.Empty(TakeOutput());
    }

    [Fact]
    public void Receive_RefusalOfOurRequest_DisabledWithoutReply()
    {
        _negotiator.Request(Echo, local: false, enable: true, _out);
        TakeOutput();

        var outcome = Receive(TelnetCommand.WONT, Echo);

        Assert.Equal(OptionChange.None, outcome.Change);
        Assert.Empty(TakeOutput());
        Assert.Equal(QState.No, _negotiator.GetState(Echo, local: false));
    }

    [Fact]
    public void Request_EnableDuringWantNo_QueuedAndSentAfterWont()
    {
        Receive(TelnetCommand.WILL, Echo);
        _negotiator.Request(Echo, local: false, enable: false, _out);
        TakeOutput();

        Assert.Equal(OptionChange.None, _negotiator.Request(Echo, local: false, enable: true, _out));
        Assert.Empty(TakeOutput());
        Assert.Equal(QState.WantNo, _negotiator.GetState(Echo, local: false));
        Assert.True(_negotiator.IsQueued(Echo, local: false));

        Receive(TelnetCommand.WONT, Echo);
        Assert.Equal(Of(Iac, Do, Echo), TakeOutput());
        Assert.Equal(QState.WantYes, _negotiator.GetState(Echo, local: false));

        var outcome = Receive(TelnetCommand.WILL, Echo);
        Assert.Equal(OptionChange.Enabled, outcome.Change);
        Assert.Empty(TakeOutput());
    }

    [Fact]
    public void Receive_WillInWantNoOpposite_EnabledWithWarningNoReply()
    {
        Receive(TelnetCommand.WILL, Echo);
        _negotiator.Request(Echo, local: false, enable: false, _out);
        _negotiator.Request(Echo, local: false, enable: true, _out);
        TakeOutput();

        var outcome = Receive(TelnetCommand.WILL, Echo);

        Assert.Equal(OptionChange.Enabled, outcome.Change);
        Assert.NotNull(outcome.Warning);
        Assert.Empty(TakeOutput());
        Assert.False(_negotiator.IsQueued(Echo, local: false));
    }

    [Fact]
    public void Receive_WillInWantYesOpposite_SendsDontAndWaits()
    {
        _negotiator.Request(Echo, local: false, enable: true, _out);
        _negotiator.Request(Echo, local: false, enable: false, _out);
        Assert.Equal(Of(Iac, Do, Echo), TakeOutput());

        var outcome = Receive(TelnetCommand.WILL, Echo);
        Assert.Equal(OptionChange.None, outcome.Change);
        Assert.Equal(Of(Iac, Dont, Echo), TakeOutput());
        Assert.Equal(QState.WantNo, _negotiator.GetState(Echo, local: false));

        Receive(TelnetCommand.WONT, Echo);
        Assert.Empty(TakeOutput());
        Assert.Equal(QState.No, _negotiator.GetState(Echo, local: false));
    }

    [Fact]
    public void Request_AlreadySatisfiedOrPending_SendsNothing()
    {
        _negotiator.Request(TerminalType, local: true, enable: true, _out);
        _negotiator.Request(TerminalType, local: true, enable: true, _out);
        _negotiator.Request(Unknown, local: true, enable: false, _out);

        Assert.Equal(Of(Iac, Will, TerminalType), TakeOutput());
    }

    [Fact]
    public void Receive_FloodOfRequestsForUnknownOptions_OutputNotLargerThanInput()
    {
        var input = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var option = (byte)(40 + (i % 200));
            Receive(TelnetCommand.WILL, option);
            Receive(TelnetCommand.DO, option);
            Receive(TelnetCommand.WONT, option);
            Receive(TelnetCommand.DONT, option);
            input += 12;
        }

        Assert.Equal(input / 2, _out.WrittenCount);
    }

    [Fact]
    public void Receive_AlternatingWillWontForAcceptedOption_OneReplyPerChange()
    {
        for (var i = 0; i < 1000; i++)
        {
            Receive(TelnetCommand.WILL, Echo);
            Receive(TelnetCommand.WONT, Echo);
        }

        Assert.Equal(2000 * 3, _out.WrittenCount);
    }

    private NegotiationOutcome Receive(TelnetCommand verb, byte option) => _negotiator.Receive(verb, option, _out);

    private byte[] TakeOutput()
    {
        var bytes = _out.WrittenSpan.ToArray();
        _out.Clear();
        return bytes;
    }
}
