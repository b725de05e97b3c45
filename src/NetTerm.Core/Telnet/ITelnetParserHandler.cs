namespace NetTerm.Core.Telnet;

/// <summary>Receives what <see cref="TelnetParser"/> finds in the byte stream, in stream order.</summary>
internal interface ITelnetParserHandler
{
    /// <summary>A run of application data. The span is only valid during the call.</summary>
    void OnData(ReadOnlySpan<byte> data);

    /// <summary>IAC followed by a command byte other than SB, SE, WILL, WONT, DO, DONT or IAC.</summary>
    void OnCommand(TelnetCommand command);

    /// <summary>IAC WILL/WONT/DO/DONT and its option byte.</summary>
    void OnNegotiation(TelnetCommand verb, byte option);

    /// <summary>IAC SB option … IAC SE, with IAC IAC already unescaped. The span is only valid during the call.</summary>
    void OnSubnegotiation(byte option, ReadOnlySpan<byte> payload);

    /// <summary>The peer broke the protocol; the parser has recovered.</summary>
    void OnWarning(string message);
}
