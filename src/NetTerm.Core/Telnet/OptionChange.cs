namespace NetTerm.Core.Telnet;

/// <summary>Whether a negotiation step moved an option into or out of the enabled (RFC 1143 YES) state.</summary>
internal enum OptionChange : byte
{
    None,
    Enabled,
    Disabled,
}
