namespace NetTerm.Core.Profiles;

/// <summary>
/// A protocol assistant layered on a session (raw, telnet, smtp). The profile describes what the user sees and may do
/// in Core's vocabulary — side-panel sections, actions, prompt label, banners, confirmations, forms — and the TUI or
/// the headless runner renders it. Neither front end knows any profile type.
/// </summary>
public interface IProfile
{
    /// <summary>Short lower-case name: "raw", "telnet", "smtp".</summary>
    string Name { get; }

    /// <summary>Creates the per-connection state. Called once per connection (reconnect makes a new one).</summary>
    IProfileSession Attach(ISessionContext context);
}
