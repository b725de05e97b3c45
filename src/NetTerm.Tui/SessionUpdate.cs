using NetTerm.Core.Sessions;

namespace NetTerm.Tui;

/// <summary>One session event on its way to the UI.</summary>
/// <param name="Generation">Which connection it belongs to; a reconnect starts a new generation, and events of an
/// older one are shown but no longer change the state.</param>
/// <param name="Event">What the UI may display (secrets masked).</param>
/// <param name="Original">The event as the session published it, for the profile.</param>
/// <param name="Masked">The redactor masked this sent line.</param>
internal sealed record SessionUpdate(int Generation, SessionEvent Event, SessionEvent Original, bool Masked);
