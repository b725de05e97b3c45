namespace NetTerm.Tui;

/// <summary>Where the connection is, as the status bar shows it.</summary>
internal enum LinkState
{
    Idle,
    Connecting,
    Connected,
    Closed,
    Failed,
}
