namespace NetTerm.Core.Terminal;

/// <summary>Which way bytes went on the wire.</summary>
public enum ByteDirection : byte
{
    /// <summary>From the peer (shown as <c>&lt;-</c>).</summary>
    In,

    /// <summary>To the peer (shown as <c>-&gt;</c>).</summary>
    Out,
}
