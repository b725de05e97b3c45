using NetTerm.Core.Profiles;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Dialogs;

/// <summary>
/// Renders any profile <see cref="FormRequest"/>: a label and an editor per field (Masked fields use
/// TextField.Secret, so they show dots and cannot be copied), the profile's live feedback under them, and
/// Cancel / submit. The values go back to the caller only, never to history, scrollback or logs.
/// </summary>
internal sealed class FormDialog : Dialog
{
    private readonly FormRequest _form;
    private readonly Dictionary<string, View> _editors = [];
    private readonly Label _feedback;

    private FormDialog(FormRequest form, bool noColor)
    {
        _form = form;
        Title = Safe(form.Title);
        Width = Dim.Percent(80);
        var y = 1;
        foreach (var field in form.Fields)
        {
            Add(new Label { X = 1, Y = y, Text = Safe(field.Label) + (field.Required ? " *" : string.Empty) });
            View editor = field.Kind == FormFieldKind.MultiLine
                ? NewMultiLine(field, y)
                : new TextField { X = 20, Y = y, Width = Dim.Fill(1), Text = field.Value, Secret = field.Kind == FormFieldKind.Masked };
            y += field.Kind == FormFieldKind.MultiLine ? 8 : 2;
            editor.TextChanged += (_, _) => Describe();
            _editors[field.Name] = editor;
            Add(editor);
        }

        _feedback = new Label { X = 1, Y = y, Width = Dim.Fill(1), Text = string.Empty };
        if (!noColor)
        {
            _feedback.SetScheme(new Scheme(new Terminal.Gui.Drawing.Attribute(new Color(ColorName16.Yellow), Color.None)));
        }

        Add(_feedback);
        Height = Dim.Auto(minimumContentDim: y + 5);
        AddButton(new Button { Title = "_Cancel" });
        var submit = new Button { Title = form.SubmitLabel };
        submit.Accepting += (_, e) =>
        {
            if (Missing() is { } missing)
            {
                _feedback.Text = $"{Safe(missing)} is required";
                e.Handled = true;
            }
        };
        AddButton(submit);
        Describe();
        _editors.Values.FirstOrDefault()?.SetFocus();
    }

    /// <summary>The values by field name, or null when cancelled.</summary>
    public static IReadOnlyDictionary<string, string>? Ask(IApplication app, FormRequest form, bool noColor)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(form);
        using var dialog = new FormDialog(form, noColor);
        app.Run(dialog);
        return dialog.Result == 1 && dialog.Missing() is null ? dialog.Values() : null;
    }

#pragma warning disable CS0618 // TextView is obsolete in 2.5.0 and its successor is not in the package; a form field is small.
    private static TextView NewMultiLine(FormField field, int y) =>
        new() { X = 20, Y = y, Width = Dim.Fill(1), Height = 7, Text = field.Value };
#pragma warning restore CS0618

    private Dictionary<string, string> Values() => _editors.ToDictionary(e => e.Key, e => e.Value.Text);

    private string? Missing() =>
        _form.Fields.FirstOrDefault(f => f.Required && string.IsNullOrWhiteSpace(_editors[f.Name].Text))?.Label;

    private void Describe()
    {
        if (_form.Describe is { } describe)
        {
            _feedback.Text = Safe(describe(Values()) ?? string.Empty);
        }
    }

    private static string Safe(string text) => Core.Terminal.ControlEscaper.Escape(text);
}
