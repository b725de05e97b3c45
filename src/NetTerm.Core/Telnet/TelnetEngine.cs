using System.Buffers;
using System.Diagnostics;

namespace NetTerm.Core.Telnet;

/// <summary>
/// The client side of a telnet connection, without I/O: feed it received bytes, write what it produces. It strips
/// telnet framing from the data, negotiates options (RFC 1143), answers TTYPE (RFC 1091) and NAWS (RFC 1073), and
/// refuses everything else, NEW-ENVIRON included. Not thread-safe: use it from the session's read/write loop.
/// </summary>
public sealed class TelnetEngine : ITelnetParserHandler
{
    private const byte TerminalTypeIs = 0;
    private const byte TerminalTypeSend = 1;
    private const int MaxTerminalTypeLength = 40;

    // The engine only implements these; a caller's policy can narrow them but never add to them, so e.g.
    // NEW-ENVIRON is refused and no environment variable can ever leave the machine.
    private static readonly OptionPolicy Implemented = OptionPolicy.Default;

    private readonly TelnetParser _parser;
    private readonly OptionNegotiator _negotiator;
    private readonly OptionPolicy _policy;
    private readonly ITelnetEngineObserver? _observer;
    private readonly byte[] _terminalTypeReply;
    private IBufferWriter<byte>? _data;
    private IBufferWriter<byte>? _toPeer;
    private int _columns;
    private int _rows;

    /// <summary>Creates an engine; nothing is sent until <see cref="Start"/> or <see cref="Receive"/>.</summary>
    /// <exception cref="ArgumentException">The terminal type or window size is out of range.</exception>
    public TelnetEngine(TelnetEngineOptions? options = null, ITelnetEngineObserver? observer = null)
    {
        Options = options ?? new TelnetEngineOptions();
        ValidateWindowSize(Options.Columns, Options.Rows);
        _terminalTypeReply = BuildTerminalTypeReply(Options.TerminalType);
        _policy = (Options.Policy ?? OptionPolicy.Default).Intersect(Implemented);
        _negotiator = new OptionNegotiator(_policy);
        _parser = new TelnetParser(this);
        _observer = observer;
        _columns = Options.Columns;
        _rows = Options.Rows;
    }

    /// <summary>The options this engine was created with.</summary>
    public TelnetEngineOptions Options { get; }

    /// <summary>The server echoes what we send (server WILL ECHO).</summary>
    public bool RemoteEcho => IsEnabled(TelnetOption.Echo, local: false);

    /// <summary>The server does not send GA (server WILL SGA).</summary>
    public bool RemoteSuppressGoAhead => IsEnabled(TelnetOption.SuppressGoAhead, local: false);

    /// <summary>Server WILL ECHO and WILL SGA: send each key as typed and do not echo locally.</summary>
    public bool CharacterMode => RemoteEcho && RemoteSuppressGoAhead;

    /// <summary>We send binary (our WILL BINARY): <see cref="EncodeData"/> leaves CR alone.</summary>
    public bool LocalBinary => IsEnabled(TelnetOption.Binary, local: true);

    /// <summary>The server sends binary (its WILL BINARY): CR NUL is no longer folded to CR.</summary>
    public bool RemoteBinary => IsEnabled(TelnetOption.Binary, local: false);

    /// <summary>Synch (RFC 854): IAC DM. The session must send these bytes so that the DM is TCP urgent data, e.g.
    /// <c>socket.Send(TelnetEngine.Synch, SocketFlags.OutOfBand)</c> after flushing normal data, which marks the
    /// last byte (DM) urgent. Over TLS there is no urgent data: send <c>WriteCommand(DM)</c> in band instead.</summary>
    public static ReadOnlySpan<byte> Synch => [(byte)TelnetCommand.IAC, (byte)TelnetCommand.DM];

    /// <summary>Whether an option is enabled on our side (<paramref name="local"/>) or the server's.</summary>
    public bool IsEnabled(TelnetOption option, bool local) => _negotiator.IsEnabled((byte)option, local);

    /// <summary>Sends the opening offers when <see cref="TelnetEngineOptions.Announce"/> or
    /// <see cref="TelnetEngineOptions.RequestBinary"/> is set. Call once, before any <see cref="Receive"/>.</summary>
    public void Start(IBufferWriter<byte> toPeer)
    {
        ArgumentNullException.ThrowIfNull(toPeer);

        // Only what we can serve: no DO SGA or DO ECHO. The view is line-oriented, so we do not solicit character
        // mode; a server that wants it offers WILL ECHO/SGA and we accept.
        if (Options.Announce)
        {
            Request(TelnetOption.TerminalType, local: true, enable: true, toPeer);
            Request(TelnetOption.WindowSize, local: true, enable: true, toPeer);
        }

        if (Options.RequestBinary)
        {
            Request(TelnetOption.Binary, local: true, enable: true, toPeer);
            Request(TelnetOption.Binary, local: false, enable: true, toPeer);
        }
    }

    /// <summary>Parses received bytes: application data goes to <paramref name="data"/>, replies to
    /// <paramref name="toPeer"/>. Never throws on malformed input; memory stays bounded.</summary>
    public void Receive(ReadOnlySpan<byte> input, IBufferWriter<byte> data, IBufferWriter<byte> toPeer)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(toPeer);
        _data = data;
        _toPeer = toPeer;
        try
        {
            _parser.Parse(input);
        }
        finally
        {
            _data = null;
            _toPeer = null;
        }
    }

    /// <summary>
    /// Asks to enable or disable an option on our side (<paramref name="local"/>) or the server's. Returns false,
    /// sending nothing, when enabling is not allowed by the policy. A request already satisfied sends nothing.
    /// </summary>
    public bool Request(TelnetOption option, bool local, bool enable, IBufferWriter<byte> toPeer)
    {
        ArgumentNullException.ThrowIfNull(toPeer);
        if (enable && !_policy.Accepts(option, local))
        {
            return false;
        }

        if (_negotiator.Request((byte)option, local, enable, toPeer) == OptionChange.Disabled)
        {
            OnChanged((byte)option, local, enabled: false, toPeer);
        }

        return true;
    }

    /// <summary>Records the window size and, when NAWS is enabled and the size changed, sends it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is outside 0 to 65535.</exception>
    public void SetWindowSize(int columns, int rows, IBufferWriter<byte> toPeer)
    {
        ArgumentNullException.ThrowIfNull(toPeer);
        ValidateWindowSize(columns, rows);
        if (columns == _columns && rows == _rows)
        {
            return;
        }

        _columns = columns;
        _rows = rows;
        if (IsEnabled(TelnetOption.WindowSize, local: true))
        {
            SendWindowSize(toPeer);
        }
    }

    /// <summary>Encodes application data: IAC doubled and, unless we send binary, a CR not followed by LF in the
    /// same span (a CR at its end included) sent as CR NUL. Send a line ending as one span.</summary>
    public void EncodeData(ReadOnlySpan<byte> data, IBufferWriter<byte> output) =>
        TelnetWriter.WriteData(data, LocalBinary, output);

    /// <summary>Writes IAC and a command (NOP, DM, BRK, IP, AO, AYT, EC, EL, GA). For an urgent SYNCH see
    /// <see cref="Synch"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For SB, SE, WILL, WONT, DO, DONT or IAC.</exception>
    public static void WriteCommand(TelnetCommand command, IBufferWriter<byte> output) =>
        TelnetWriter.WriteCommand(command, output);

    void ITelnetParserHandler.OnData(ReadOnlySpan<byte> data)
    {
        Debug.Assert(_data is not null, "Parser events only arrive inside Receive.");
        _data!.Write(data);
    }

    void ITelnetParserHandler.OnCommand(TelnetCommand command) => _observer?.OnCommand(command);

    void ITelnetParserHandler.OnNegotiation(TelnetCommand verb, byte option)
    {
        var toPeer = _toPeer!;
        var outcome = _negotiator.Receive(verb, option, toPeer);
        if (outcome.Warning is not null)
        {
            _observer?.OnWarning(outcome.Warning);
        }

        if (outcome.Change != OptionChange.None)
        {
            var local = verb is TelnetCommand.DO or TelnetCommand.DONT;
            OnChanged(option, local, outcome.Change == OptionChange.Enabled, toPeer);
        }
    }

    void ITelnetParserHandler.OnSubnegotiation(byte option, ReadOnlySpan<byte> payload)
    {
        // Only SEND gets an answer, and only while we WILL TTYPE; anything else the server sends in an SB is
        // either for an option we refused or not ours to answer.
        if (option == (byte)TelnetOption.TerminalType && payload.Length == 1 && payload[0] == TerminalTypeSend
            && IsEnabled(TelnetOption.TerminalType, local: true))
        {
            _toPeer!.Write(_terminalTypeReply);
        }
    }

    void ITelnetParserHandler.OnWarning(string message) => _observer?.OnWarning(message);

    private void OnChanged(byte option, bool local, bool enabled, IBufferWriter<byte> toPeer)
    {
        if (option == (byte)TelnetOption.Binary && !local)
        {
            _parser.ReceiveBinary = enabled;
        }
        else if (option == (byte)TelnetOption.WindowSize && local && enabled)
        {
            // RFC 1073: the client sends its size as soon as NAWS is agreed, and again on every change.
            SendWindowSize(toPeer);
        }

        _observer?.OnOptionChanged((TelnetOption)option, local, enabled);
    }

    private void SendWindowSize(IBufferWriter<byte> toPeer)
    {
        ReadOnlySpan<byte> size = [(byte)(_columns >> 8), (byte)_columns, (byte)(_rows >> 8), (byte)_rows];
        TelnetWriter.WriteSubnegotiation((byte)TelnetOption.WindowSize, size, toPeer);
    }

    private static void ValidateWindowSize(int columns, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, ushort.MaxValue);
    }

    private static byte[] BuildTerminalTypeReply(string terminalType)
    {
        ArgumentNullException.ThrowIfNull(terminalType);
        if (terminalType.Length is 0 or > MaxTerminalTypeLength
            || terminalType.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            throw new ArgumentException(
                $"Terminal type must be 1 to {MaxTerminalTypeLength} printable ASCII characters.",
                nameof(terminalType));
        }

        var payload = new byte[terminalType.Length + 1];
        payload[0] = TerminalTypeIs;
        for (var i = 0; i < terminalType.Length; i++)
        {
            payload[i + 1] = (byte)terminalType[i];
        }

        var reply = new ArrayBufferWriter<byte>(payload.Length + 6);
        TelnetWriter.WriteSubnegotiation((byte)TelnetOption.TerminalType, payload, reply);
        return reply.WrittenSpan.ToArray();
    }
}
