using System.Buffers;
using NetTerm.Core.Telnet;
using static NetTerm.Core.Tests.Telnet.Bytes;

namespace NetTerm.Core.Tests.Telnet;

public sealed class TelnetWriterTests
{
    private readonly ArrayBufferWriter<byte> _out = new();

    [Fact]
    public void WriteData_Iac_Doubled()
    {
        TelnetWriter.WriteData(Of("a", Iac, "b", Iac), binary: false, _out);

        Assert.Equal(Of("a", Iac, Iac, "b", Iac, Iac), _out.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteData_BareCrOutsideBinary_BecomesCrNul()
    {
        TelnetWriter.WriteData(Of("a\rb\r\nc\r\r\n"), binary: false, _out);

        Assert.Equal(Of("a\r", 0, "b\r\nc\r", 0, "\r\n"), _out.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteData_CrAtEndOfSpan_BecomesCrNul()
    {
        TelnetWriter.WriteData(Of("line\r"), binary: false, _out);
        TelnetWriter.WriteData(Of("\n"), binary: false, _out);

        Assert.Equal(Of("line\r", 0, "\n"), _out.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteData_Binary_CrUnchangedIacDoubled()
    {
        TelnetWriter.WriteData(Of("a\r", Iac, "\r"), binary: true, _out);

        Assert.Equal(Of("a\r", Iac, Iac, "\r"), _out.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(TelnetCommand.AYT)]
    [InlineData(TelnetCommand.IP)]
    [InlineData(TelnetCommand.AO)]
    [InlineData(TelnetCommand.BRK)]
    [InlineData(TelnetCommand.EC)]
    [InlineData(TelnetCommand.EL)]
    [InlineData(TelnetCommand.GA)]
    [InlineData(TelnetCommand.NOP)]
    [InlineData(TelnetCommand.DM)]
    public void WriteCommand_StandAloneCommand_WritesIacCommand(TelnetCommand command)
    {
        TelnetWriter.WriteCommand(command, _out);

        Assert.Equal(Of(Iac, (byte)command), _out.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(TelnetCommand.SB)]
    [InlineData(TelnetCommand.SE)]
    [InlineData(TelnetCommand.WILL)]
    [InlineData(TelnetCommand.IAC)]
    public void WriteCommand_FramingByte_Throws(TelnetCommand command)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TelnetWriter.WriteCommand(command, _out));
        Assert.Equal(0, _out.WrittenCount);
    }

    [Fact]
    public void WriteSubnegotiation_PayloadIac_Doubled()
    {
        TelnetWriter.WriteSubnegotiation(31, Of(0, Iac, Iac, 24), _out);

        Assert.Equal(Of(Iac, Sb, 31, 0, Iac, Iac, Iac, Iac, 24, Iac, Se), _out.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteNegotiation_Verb_WritesThreeBytes()
    {
        TelnetWriter.WriteNegotiation(TelnetCommand.DONT, 39, _out);

        Assert.Equal(Of(Iac, Dont, 39), _out.WrittenSpan.ToArray());
    }
}
