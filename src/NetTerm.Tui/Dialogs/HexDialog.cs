using NetTerm.Core.Terminal;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Dialogs;

/// <summary>F2: the traffic as hex, opening at the newest bytes. F2 or Esc closes it.</summary>
internal sealed class HexDialog : Dialog
{
    private HexDialog(RawByteLog log)
    {
        Title = "Hex view (<- received, -> sent) — F2/Esc closes";
        Width = Dim.Fill(2);
        Height = Dim.Fill(1);
        View = new HexView(log) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
        Add(View);
        AddButton(new Button { Title = "_Close" });
        View.SetFocus();
    }

    internal HexView View { get; }

    public static void Show(IApplication app, RawByteLog traffic)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(traffic);
        using var dialog = new HexDialog(traffic);
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
