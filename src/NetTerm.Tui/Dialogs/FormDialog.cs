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
    private const int FeedbackRows = 5;

    private readonly FormRequest _form;
    /// <summary>Each field's current text. Read through the concrete type: TextView's Text is not View.Text, so a
    /// View reference would return the initial value, not what was typed.</summary>
    private readonly Dictionary<string, Func<string>> _editors = [];
    private readonly Label _feedback;

    private FormDialog(FormRequest form, bool noColor)
    {
        _form = form;
        Title = Safe(form.Title);
        Width = Dim.Percent(80);
        // Labels get the room they need ("Authorize as (optional) *"), editors start after the longest one.
        var editorX = Math.Clamp(form.Fields.Select(f => Safe(f.Label).Length + (f.Required ? 2 : 0)).DefaultIfEmpty(0).Max() + 3, 12, 40);
        var y = 1;
        View? first = null;
        foreach (var field in form.Fields)
        {
            Add(new Label { X = 1, Y = y, Text = Safe(field.Label) + (field.Required ? " *" : string.Empty) });
            View editor;
            if (field.Kind == FormFieldKind.MultiLine)
            {
                var text = NewMultiLine(field, editorX, y);
                text.ContentsChanged += (_, _) => Describe();
                _editors[field.Name] = () => text.Text;
                editor = text;
                y += 8;
            }
            else
            {
                var line = new TextField { X = editorX, Y = y, Width = Dim.Fill(1), Text = field.Value, Secret = field.Kind == FormFieldKind.Masked };
                line.TextChanged += (_, _) => Describe();
                _editors[field.Name] = () => line.Text;
                editor = line;
                y += 2;
            }

            first ??= editor;
            Add(editor);
        }

        // Several notes (size, 8-bit, envelope mismatch), some long: wrapped in a fixed area so the dialog does not jump.
        _feedback = DataLabel.Create();
        _feedback.X = 1;
        _feedback.Y = y;
        _feedback.Width = Dim.Fill(1);
        _feedback.Height = FeedbackRows;
        _feedback.TextFormatter.WordWrap = true;
        if (!noColor)
        {
            _feedback.SetScheme(new Scheme(new Terminal.Gui.Drawing.Attribute(new Color(ColorName16.Yellow), Color.None)));
        }

        Add(_feedback);
        Height = Dim.Auto(minimumContentDim: y + FeedbackRows + 4);
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
        first?.SetFocus();
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
    // Tab leaves the body for the next control (the buttons) instead of inserting a tab character.
    private static TextView NewMultiLine(FormField field, int x, int y) =>
        new() { X = x, Y = y, Width = Dim.Fill(1), Height = 7, Text = field.Value, TabKeyAddsTab = false };
#pragma warning restore CS0618

    private Dictionary<string, string> Values() => _editors.ToDictionary(e => e.Key, e => e.Value());

    private string? Missing() =>
        _form.Fields.FirstOrDefault(f => f.Required && string.IsNullOrWhiteSpace(_editors[f.Name]()))?.Label;

    private void Describe()
    {
        if (_form.Describe is { } describe)
        {
            _feedback.Text = Safe(describe(Values()) ?? string.Empty);
        }
    }

    private static string Safe(string text) => Core.Terminal.ControlEscaper.Escape(text);
}
