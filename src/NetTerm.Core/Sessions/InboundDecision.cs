namespace NetTerm.Core.Sessions;

/// <summary>What an <see cref="IInboundObserver"/> did with a chunk of received data.</summary>
/// <param name="Consumed">Bytes the observer took. The rest stays buffered, unconsumed, and reading pauses.</param>
/// <param name="Pause">Pause reading after the consumed bytes even if all were taken (a frame boundary, e.g. the 220
/// reply to STARTTLS). Reading resumes on <see cref="Session.ResumeReading"/> or after <see cref="Session.UpgradeToTlsAsync"/>.</param>
public readonly record struct InboundDecision(int Consumed, bool Pause)
{
    public static InboundDecision All(int length) => new(length, false);
}
