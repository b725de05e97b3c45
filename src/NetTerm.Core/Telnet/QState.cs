namespace NetTerm.Core.Telnet;

/// <summary>RFC 1143 state of one option on one side.</summary>
internal enum QState : byte
{
    No,
    WantNo,
    WantYes,
    Yes,
}
