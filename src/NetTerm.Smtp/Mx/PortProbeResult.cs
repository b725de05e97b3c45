using System.Net;

namespace NetTerm.Smtp.Mx;

/// <summary>What a short connect to a mail host's port showed.</summary>
/// <param name="Answered">A TCP connection was accepted.</param>
/// <param name="Address">The address that answered, or the last one tried.</param>
/// <param name="Text">The first banner line, escaped and shortened, when <paramref name="Answered"/>; else why not
/// ("refused", "timed out").</param>
internal sealed record PortProbeResult(bool Answered, IPAddress? Address, string Text);
