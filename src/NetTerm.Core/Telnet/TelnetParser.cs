using System.Buffers;

namespace NetTerm.Core.Telnet;

/// <summary>
/// Sans-I/O RFC 854/855 receive state machine. It never allocates per call and keeps its state between calls, so
/// any telnet sequence may be split at any byte boundary across reads.
/// </summary>
internal sealed class TelnetParser
{
    /// <summary>Default bound for one subnegotiation payload.</summary>
    public const int DefaultMaxSubnegotiationLength = 4096;

    private const byte Iac = (byte)TelnetCommand.IAC;
    private const byte Cr = (byte)'\r';
    private const byte Nul = 0;

    // CR, not NUL, is the second stop byte: a stream of NULs (binary data, a zero source) must be one vectorised scan,
    // while a CR costs one look ahead per line and ends a run only when a NUL follows it.
    private static readonly SearchValues<byte> IacOrCr = SearchValues.Create(Iac, Cr);

    private static readonly byte[] IacByte = [Iac];

    private readonly ITelnetParserHandler _handler;
    private readonly byte[] _subnegotiation;
    private State _state;
    private TelnetCommand _verb;
    private byte _sbOption;
    private int _sbLength;
    private bool _sbOverflow;
    private bool _lastDataWasCr;

    /// <param name="handler">Receives the parsed events.</param>
    /// <param name="maxSubnegotiationLength">Longer payloads are discarded with one warning.</param>
    public TelnetParser(ITelnetParserHandler handler, int maxSubnegotiationLength = DefaultMaxSubnegotiationLength)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSubnegotiationLength);
        _handler = handler;
        _subnegotiation = new byte[maxSubnegotiationLength];
    }

    private enum State : byte
    {
        Data,
        Iac,
        Option,
        SbOption,
        Sb,
        SbIac,
    }

    /// <summary>
    /// When set (the peer WILL BINARY), CR NUL is delivered as is; otherwise the NUL of CR NUL is dropped (RFC 854).
    /// </summary>
    public bool ReceiveBinary { get; set; }

    /// <summary>Parses the next bytes of the stream.</summary>
    public void Parse(ReadOnlySpan<byte> input)
    {
        while (!input.IsEmpty)
        {
            switch (_state)
            {
                case State.Data:
                    input = ParseData(input);
                    break;
                case State.Sb:
                    input = ParseSubnegotiationData(input);
                    break;
                default:
                    ParseByte(input[0]);
                    input = input[1..];
                    break;
            }
        }
    }

    private ReadOnlySpan<byte> ParseData(ReadOnlySpan<byte> input)
    {
        if (ReceiveBinary)
        {
            var iac = input.IndexOf(Iac);
            return iac < 0 ? EmitAll(input) : EmitUpToIac(input, iac);
        }

        if (_lastDataWasCr && input[0] == Nul)
        {
            // The previous chunk ended in CR: this NUL completes CR NUL.
            _lastDataWasCr = false;
            return input[1..];
        }

        var from = 0;
        while (true)
        {
            var relative = input[from..].IndexOfAny(IacOrCr);
            if (relative < 0)
            {
                return EmitAll(input);
            }

            var stop = from + relative;
            if (input[stop] == Iac)
            {
                return EmitUpToIac(input, stop);
            }

            if (stop + 1 == input.Length)
            {
                return EmitAll(input);
            }

            if (input[stop + 1] != Nul)
            {
                from = stop + 1;
                continue;
            }

            // The NUL of CR NUL only says "a bare CR"; it is not data.
            EmitData(input[..(stop + 1)]);
            _lastDataWasCr = false;
            return input[(stop + 2)..];
        }
    }

    private ReadOnlySpan<byte> EmitAll(ReadOnlySpan<byte> input)
    {
        EmitData(input);
        return [];
    }

    private ReadOnlySpan<byte> EmitUpToIac(ReadOnlySpan<byte> input, int iac)
    {
        if (iac > 0)
        {
            EmitData(input[..iac]);
        }

        _state = State.Iac;
        return input[(iac + 1)..];
    }

    private void EmitData(ReadOnlySpan<byte> data)
    {
        _lastDataWasCr = data[^1] == Cr;
        _handler.OnData(data);
    }

    private ReadOnlySpan<byte> ParseSubnegotiationData(ReadOnlySpan<byte> input)
    {
        var stop = input.IndexOf(Iac);
        var run = stop < 0 ? input : input[..stop];
        AppendSubnegotiation(run);
        if (stop < 0)
        {
            return [];
        }

        _state = State.SbIac;
        return input[(stop + 1)..];
    }

    private void AppendSubnegotiation(ReadOnlySpan<byte> run)
    {
        if (run.IsEmpty || _sbOverflow)
        {
            return;
        }

        if (run.Length > _subnegotiation.Length - _sbLength)
        {
            // Keep nothing more: a partial payload could be misread as a complete one.
            _sbOverflow = true;
            _handler.OnWarning(
                $"Subnegotiation for option {_sbOption} exceeds {_subnegotiation.Length} bytes; discarded.");
            return;
        }

        run.CopyTo(_subnegotiation.AsSpan(_sbLength));
        _sbLength += run.Length;
    }

    private void ParseByte(byte b)
    {
        switch (_state)
        {
            case State.Iac:
                ParseCommand(b);
                break;
            case State.Option:
                _state = State.Data;
                _handler.OnNegotiation(_verb, b);
                break;
            case State.SbOption:
                _sbOption = b;
                _sbLength = 0;
                _sbOverflow = false;
                _state = State.Sb;
                break;
            case State.SbIac:
                ParseSubnegotiationIac(b);
                break;
            default:
                _state = State.Data;
                break;
        }
    }

    private void ParseCommand(byte b)
    {
        _state = State.Data;
        switch ((TelnetCommand)b)
        {
            case TelnetCommand.IAC:
                EmitData(IacByte);
                break;
            case TelnetCommand.WILL or TelnetCommand.WONT or TelnetCommand.DO or TelnetCommand.DONT:
                _verb = (TelnetCommand)b;
                _state = State.Option;
                break;
            case TelnetCommand.SB:
                _state = State.SbOption;
                break;
            case TelnetCommand.SE:
                _handler.OnWarning("IAC SE outside a subnegotiation; ignored.");
                break;
            case >= TelnetCommand.NOP and <= TelnetCommand.GA:
                _handler.OnCommand((TelnetCommand)b);
                break;
            default:
                _handler.OnWarning($"Unknown telnet command {b} after IAC; ignored.");
                break;
        }
    }

    private void ParseSubnegotiationIac(byte b)
    {
        if (b == Iac)
        {
            AppendSubnegotiation(IacByte);
            _state = State.Sb;
            return;
        }

        CompleteSubnegotiation();
        if (b != (byte)TelnetCommand.SE)
        {
            // As libtelnet does: the SB ends here and the byte is read as the command after a fresh IAC, so a
            // peer that forgot IAC SE loses one subnegotiation, not the rest of the stream.
            _handler.OnWarning($"Byte {b} after IAC inside a subnegotiation; subnegotiation ended.");
            ParseCommand(b);
        }
    }

    private void CompleteSubnegotiation()
    {
        _state = State.Data;
        if (!_sbOverflow)
        {
            _handler.OnSubnegotiation(_sbOption, _subnegotiation.AsSpan(0, _sbLength));
        }

        _sbLength = 0;
        _sbOverflow = false;
    }
}
