namespace NetTerm.Core.Telnet;

/// <summary>What one negotiation step did: the state change, if any, and a protocol warning, if the peer erred.</summary>
internal readonly record struct NegotiationOutcome(OptionChange Change, string? Warning = null)
{
    public static NegotiationOutcome None => default;
}
