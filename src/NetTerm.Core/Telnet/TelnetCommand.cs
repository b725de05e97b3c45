namespace NetTerm.Core.Telnet;

/// <summary>Telnet command bytes (RFC 854), the byte that follows IAC.</summary>
public enum TelnetCommand : byte
{
    SE = 240,
    NOP = 241,
    DM = 242,
    BRK = 243,
    IP = 244,
    AO = 245,
    AYT = 246,
    EC = 247,
    EL = 248,
    GA = 249,
    SB = 250,
    WILL = 251,
    WONT = 252,
    DO = 253,
    DONT = 254,
    IAC = 255,
}
