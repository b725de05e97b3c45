using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Dialogs;

/// <summary>One line of text (file name, search text, the telnet command prompt).</summary>
internal sealed class PromptDialog : Dialog
{
    private readonly TextField _field;

    private PromptDialog(string title, string label, string initial)
    {
        Title = title;
        Width = Dim.Percent(70);
        var caption = new Label { X = 1, Y = 1, Text = label };
        _field = new TextField { X = 1, Y = 2, Width = Dim.Fill(1), Text = initial };
        Add(caption, _field);
        AddButton(new Button { Title = "_Cancel" });
        AddButton(new Button { Title = "_OK" });
        _field.SetFocus();
    }

    /// <summary>The text entered, or null when cancelled.</summary>
    public static string? Ask(IApplication app, string title, string label, string initial)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var dialog = new PromptDialog(title, label, initial);
        app.Run(dialog);
        return dialog.Result == 1 ? dialog._field.Text : null;
    }
}
