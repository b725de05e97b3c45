using NetTerm.Core.Terminal;

namespace NetTerm.Tui.Views;

internal sealed partial class MainWindow
{
    private string? _historyName;

    /// <summary>Switches the input history to the target's saved one when the target changes (Open…, a saved
    /// session); a reconnect to the same target keeps the lines in memory.</summary>
    private void LoadHistoryFor(ConnectTarget target)
    {
        if (_launch.History is not { } persistence)
        {
            return;
        }

        var name = persistence.NameFor(target);
        if (name == _historyName)
        {
            return;
        }

        _historyName = name;
        try
        {
            Input.History.Load(persistence.Store.Load(name));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Input.History.Load([]);
            Say(LineKind.Warning, "could not read the command history: " + Core.Text.Messages.OneLine(ex.Message));
        }
    }

    /// <summary>Records a line the caller has judged not secret, and writes the history at once so a crash or a
    /// killed terminal loses nothing (at most 1,000 short lines, written atomically).</summary>
    private void Remember(string line)
    {
        Input.History.Add(line);
        if (_launch.History is not { } persistence || _historyName is null)
        {
            return;
        }

        try
        {
            persistence.Store.Save(_historyName, Input.History.Entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Say(LineKind.Warning, "could not save the command history: " + Core.Text.Messages.OneLine(ex.Message));
        }
    }
}
