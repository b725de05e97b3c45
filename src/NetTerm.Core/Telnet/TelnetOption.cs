namespace NetTerm.Core.Telnet;

/// <summary>Telnet option codes that NetTerm names; any other byte is still a valid (refused) option.</summary>
public enum TelnetOption : byte
{
    Binary = 0,
    Echo = 1,
    SuppressGoAhead = 3,
    Status = 5,
    TimingMark = 6,
    TerminalType = 24,
    WindowSize = 31,
    TerminalSpeed = 32,
    RemoteFlowControl = 33,
    Linemode = 34,
    XDisplayLocation = 35,
    Environment = 36,
    Authentication = 37,
    Encrypt = 38,
    NewEnvironment = 39,
}
