namespace NetTerm.Core.Sessions;

/// <summary>
/// A profile's view of the received byte stream, called on the read loop before the data is published. It frames
/// the stream (SMTP replies) and can stop reading at a frame boundary, which is what makes an in-place TLS upgrade
/// safe: the session refuses to upgrade while any received byte is still unconsumed (RFC 3207 §4.2).
/// </summary>
public interface IInboundObserver
{
    /// <summary>Must not block; runs on the read loop.</summary>
    InboundDecision OnInbound(ReadOnlySpan<byte> data);

    /// <summary>The connection is ending: the events returned are published just before <paramref name="closed"/>,
    /// the last words a profile has on it (a message in flight that was NOT sent). Must not block.</summary>
    IReadOnlyList<SessionEvent> OnClosing(ClosedEvent closed) => [];
}
