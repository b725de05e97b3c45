using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace NetTerm.Tui.Dialogs;

/// <summary>Draws the visible hex rows only.</summary>
internal sealed class HexView : View
{
    private readonly IReadOnlyList<string> _rows;
    private bool _started;

    public HexView(IReadOnlyList<string> rows)
    {
        _rows = rows;
        CanFocus = true;
        ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar;
        SetContentHeight(rows.Count);
        AddCommand(Command.ScrollUp, () => Scroll(-1));
        AddCommand(Command.ScrollDown, () => Scroll(1));
        AddCommand(Command.PageUp, () => Scroll(-Math.Max(1, Viewport.Height - 1)));
        AddCommand(Command.PageDown, () => Scroll(Math.Max(1, Viewport.Height - 1)));
        KeyBindings.Add(Key.CursorUp, Command.ScrollUp);
        KeyBindings.Add(Key.CursorDown, Command.ScrollDown);
        KeyBindings.Add(Key.PageUp, Command.PageUp);
        KeyBindings.Add(Key.PageDown, Command.PageDown);
    }

    private bool Scroll(int rows)
    {
        Viewport = Viewport with { Y = Math.Clamp(Viewport.Y + rows, 0, Math.Max(0, _rows.Count - Viewport.Height)) };
        SetNeedsDraw();
        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        if (!_started && Viewport.Height > 0)
        {
            // Open at the newest traffic, which is what one presses F2 to look at.
            _started = true;
            Viewport = Viewport with { Y = Math.Max(0, _rows.Count - Viewport.Height) };
        }

        var normal = GetAttributeForRole(VisualRole.Normal);
        SetAttribute(normal);
        for (var row = 0; row < Viewport.Height; row++)
        {
            var i = Viewport.Y + row;
            Move(0, row);
            var text = i < _rows.Count ? _rows[i] : string.Empty;
            AddStr(text.PadRight(Viewport.Width));
        }

        return true;
    }
}
