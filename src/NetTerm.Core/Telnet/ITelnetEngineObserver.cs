namespace NetTerm.Core.Telnet;

/// <summary>Told what the <see cref="TelnetEngine"/> saw while it parsed; called synchronously from
/// <see cref="TelnetEngine.Receive"/>, <see cref="TelnetEngine.Start"/> and <see cref="TelnetEngine.Request"/>.</summary>
public interface ITelnetEngineObserver
{
    /// <summary>An option entered or left the enabled state on our side (<paramref name="local"/>) or the server's.
    /// Read <see cref="TelnetEngine.CharacterMode"/> here to follow character mode.</summary>
    void OnOptionChanged(TelnetOption telnetOption, bool local, bool enabled);

    /// <summary>The server sent a command such as AYT, GA, DM or IP.</summary>
    void OnCommand(TelnetCommand command);

    /// <summary>The server broke the protocol; the engine recovered and carries on.</summary>
    void OnWarning(string message);
}
