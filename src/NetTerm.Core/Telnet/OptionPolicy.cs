using System.Collections.Immutable;

namespace NetTerm.Core.Telnet;

/// <summary>
/// Which options we agree to when the peer asks: <see cref="Local"/> are options we are willing to enable on our
/// side (answer DO with WILL), <see cref="Remote"/> options we let the server enable (answer WILL with DO). Every
/// other option is refused. Derive variants with <c>with</c> or <see cref="Deny"/>.
/// </summary>
public sealed record OptionPolicy
{
    /// <summary>We WILL TerminalType, WindowSize, Binary, SuppressGoAhead; the server may Echo, SuppressGoAhead, Binary.</summary>
    public static OptionPolicy Default { get; } = new()
    {
        Local = [TelnetOption.TerminalType, TelnetOption.WindowSize, TelnetOption.Binary, TelnetOption.SuppressGoAhead],
        Remote = [TelnetOption.Echo, TelnetOption.SuppressGoAhead, TelnetOption.Binary],
    };

    /// <summary>Options we accept to enable on our side.</summary>
    public ImmutableHashSet<TelnetOption> Local { get; init; } = [];

    /// <summary>Options we accept the server to enable on its side.</summary>
    public ImmutableHashSet<TelnetOption> Remote { get; init; } = [];

    /// <summary>Whether the option may be enabled on the given side.</summary>
    public bool Accepts(TelnetOption option, bool local) => (local ? Local : Remote).Contains(option);

    /// <summary>A copy that also accepts the option on the given side.</summary>
    public OptionPolicy Allow(TelnetOption option, bool local) =>
        local ? this with { Local = Local.Add(option) } : this with { Remote = Remote.Add(option) };

    /// <summary>A copy that refuses the option on the given side.</summary>
    public OptionPolicy Deny(TelnetOption option, bool local) =>
        local ? this with { Local = Local.Remove(option) } : this with { Remote = Remote.Remove(option) };

    /// <summary>Options both this policy and <paramref name="other"/> accept.</summary>
    public OptionPolicy Intersect(OptionPolicy other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new OptionPolicy { Local = Local.Intersect(other.Local), Remote = Remote.Intersect(other.Remote) };
    }

    /// <inheritdoc />
    // Sets compare by content; the generated member-wise equality would compare references.
    public bool Equals(OptionPolicy? other) =>
        other is not null && Local.SetEquals(other.Local) && Remote.SetEquals(other.Remote);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var local = 0;
        foreach (var option in Local)
        {
            local ^= 1 << ((int)option % 32);
        }

        var remote = 0;
        foreach (var option in Remote)
        {
            remote ^= 1 << ((int)option % 32);
        }

        return HashCode.Combine(local, remote);
    }
}
