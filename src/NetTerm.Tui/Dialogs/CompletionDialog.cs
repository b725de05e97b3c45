using System.Collections.ObjectModel;
using NetTerm.Core.Profiles;
using NetTerm.Core.Terminal;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Dialogs;

/// <summary>Several Tab candidates: pick one (Enter) or Esc. A short list, so ListView is fine here.</summary>
internal static class CompletionDialog
{
    public static Completion? Choose(IApplication app, IReadOnlyList<Completion> candidates)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(candidates);
        var labels = new ObservableCollection<string>(candidates.Select(c =>
            ControlEscaper.Escape(c.Description is null ? c.Text : $"{c.Text,-16} {c.Description}")));
        using var dialog = new Dialog { Title = "Complete", Width = Dim.Percent(60), Height = Math.Min(candidates.Count + 6, 20) };
        var list = new ListView { X = 1, Y = 1, Width = Dim.Fill(1), Height = Dim.Fill(2) };
        list.SetSource(labels);
        list.SelectedItem = 0;
        dialog.Add(list);
        dialog.AddButton(new Button { Title = "_Cancel" });
        dialog.AddButton(new Button { Title = "_OK" });
        list.Accepting += (_, e) =>
        {
            dialog.Result = 1;
            dialog.RequestStop();
            e.Handled = true;
        };
        list.SetFocus();
        app.Run(dialog);
        return dialog.Result == 1 && list.SelectedItem is { } i && i >= 0 && i < candidates.Count ? candidates[i] : null;
    }
}
