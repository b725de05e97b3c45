using Xunit;

namespace NetTerm.Testing;

/// <summary>
/// An interop test against the real peers (Postfix, telnetd, socat services on 127.0.0.1). It runs when
/// NETTERM_PEERS=1, which .ci/run sets after starting them, and is reported as skipped otherwise, so that a plain
/// `dotnet test` passes on a fresh machine. When it runs and a peer does not answer, it fails.
/// </summary>
public sealed class PeersFactAttribute : FactAttribute
{
    internal const string SkipReason = "interop: set NETTERM_PEERS=1 with the peers running (tests/peers/start.sh)";

    public PeersFactAttribute()
    {
        if (!Peers.Enabled)
        {
            Skip = SkipReason;
        }
    }
}
