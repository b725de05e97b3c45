using NetTerm.Core.Telnet;

namespace NetTerm.Core.Tests.Telnet;

/// <summary>Records engine notifications as strings.</summary>
internal sealed class RecordingObserver : ITelnetEngineObserver
{
    public List<string> Options { get; } = [];

    public int Commands { get; private set; }

    public TelnetCommand? LastCommand { get; private set; }

    public List<string> Warnings { get; } = [];

    public void OnOptionChanged(TelnetOption telnetOption, bool local, bool enabled) =>
        Options.Add($"{(local ? "us" : "him")} {telnetOption} {(enabled ? "on" : "off")}");

    public void OnCommand(TelnetCommand command)
    {
        Commands++;
        LastCommand = command;
    }

    public void OnWarning(string message) => Warnings.Add(message);
}
