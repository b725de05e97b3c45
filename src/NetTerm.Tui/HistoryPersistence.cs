using NetTerm.Core.Persistence;

namespace NetTerm.Tui;

/// <summary>The input history's file store and the name a target's history is kept under (a saved session's
/// name, or one made from host and port).</summary>
public sealed record HistoryPersistence(HistoryStore Store, Func<ConnectTarget, string> NameFor);
