using System.Buffers;

namespace NetTerm.Core.Telnet;

/// <summary>Encodes outgoing telnet: data with IAC doubled and bare CR as CR NUL, commands, negotiations and
/// subnegotiations. Stateless, so every method takes the output writer.</summary>
internal static class TelnetWriter
{
    private const byte Iac = (byte)TelnetCommand.IAC;
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    private static readonly SearchValues<byte> IacOrCr = SearchValues.Create(Iac, Cr);

    /// <summary>
    /// Writes application data. IAC is doubled. Unless <paramref name="binary"/> (our side WILL BINARY), a CR that is
    /// not followed by LF in the same span, including a CR at its end, becomes CR NUL (RFC 854): the caller sends
    /// CR LF as one span when it means a new line.
    /// </summary>
    public static void WriteData(ReadOnlySpan<byte> data, bool binary, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        while (!data.IsEmpty)
        {
            var stop = binary ? data.IndexOf(Iac) : data.IndexOfAny(IacOrCr);
            if (stop < 0)
            {
                output.Write(data);
                return;
            }

            output.Write(data[..(stop + 1)]);
            if (data[stop] == Iac)
            {
                output.Write([Iac]);
            }
            else if (stop + 1 == data.Length || data[stop + 1] != Lf)
            {
                output.Write([(byte)0]);
            }

            data = data[(stop + 1)..];
        }
    }

    /// <summary>
    /// Writes IAC and a command: NOP, DM, BRK, IP, AO, AYT, EC, EL or GA. IAC DM written here travels as normal
    /// data; a SYNCH needs the DM byte sent as TCP urgent data (see <see cref="TelnetEngine.Synch"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For SB, SE, WILL, WONT, DO, DONT or IAC, which would break framing.</exception>
    public static void WriteCommand(TelnetCommand command, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (command is < TelnetCommand.NOP or > TelnetCommand.GA)
        {
            throw new ArgumentOutOfRangeException(nameof(command), command, "Not a stand-alone telnet command.");
        }

        output.Write([Iac, (byte)command]);
    }

    /// <summary>Writes IAC WILL/WONT/DO/DONT option.</summary>
    public static void WriteNegotiation(TelnetCommand verb, byte option, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (verb is < TelnetCommand.WILL or > TelnetCommand.DONT)
        {
            throw new ArgumentOutOfRangeException(nameof(verb), verb, "Expected WILL, WONT, DO or DONT.");
        }

        output.Write([Iac, (byte)verb, option]);
    }

    /// <summary>Writes IAC SB option payload IAC SE, with every IAC in the payload doubled.</summary>
    public static void WriteSubnegotiation(byte option, ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write([Iac, (byte)TelnetCommand.SB, option]);
        while (!payload.IsEmpty)
        {
            var stop = payload.IndexOf(Iac);
            if (stop < 0)
            {
                output.Write(payload);
                break;
            }

            output.Write(payload[..(stop + 1)]);
            output.Write([Iac]);
            payload = payload[(stop + 1)..];
        }

        output.Write([Iac, (byte)TelnetCommand.SE]);
    }
}
