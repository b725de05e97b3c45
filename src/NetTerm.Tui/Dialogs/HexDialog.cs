using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Dialogs;

/// <summary>F2: the traffic as hex, opening at the newest bytes. F2 or Esc closes it.</summary>
internal sealed class HexDialog : Dialog
{
    private HexDialog(IReadOnlyList<string> rows)
    {
        Title = "Hex view (<< received, >> sent) — F2/Esc closes";
        Width = Dim.Fill(2);
        Height = Dim.Fill(1);
        View = new HexView(rows) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
        Add(View);
        AddButton(new Button { Title = "_Close" });
        View.SetFocus();
    }

    internal HexView View { get; }

    public static void Show(IApplication app, TrafficLog traffic)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(traffic);
        var rows = HexRows.Format(traffic.Chunks);
        if (rows.Count == 0)
        {
            rows.Add("(no traffic yet)");
        }

        using var dialog = new HexDialog(rows);
        app.Run(dialog);
    }

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key == Key.F2)
        {
            RequestStop();
            return true;
        }

        return base.OnKeyDown(key);
    }
}
