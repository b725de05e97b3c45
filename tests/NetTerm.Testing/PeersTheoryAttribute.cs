using Xunit;

namespace NetTerm.Testing;

/// <summary>A theory against the real peers: skipped unless NETTERM_PEERS=1, like <see cref="PeersFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PeersTheoryAttribute : TheoryAttribute
{
    public PeersTheoryAttribute()
    {
        if (!Peers.Enabled)
        {
            Skip = PeersFactAttribute.SkipReason;
        }
    }
}
