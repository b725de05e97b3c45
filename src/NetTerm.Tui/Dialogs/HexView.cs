using NetTerm.Core.Terminal;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace NetTerm.Tui.Dialogs;

/// <summary>Draws the visible hex rows only, formatted on demand by Core's <see cref="HexDumpFormatter"/>.</summary>
internal sealed class HexView : View
{
    private readonly RawByteLog _log;
    private readonly HexDumpFormatter _rows;
    private readonly int _count;
    private bool _started;

    public HexView(RawByteLog log)
    {
        _log = log;
        _rows = new HexDumpFormatter(log);
        _count = _rows.RowCount;
        CanFocus = true;
        ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar;
        SetContentHeight(_count);
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
        Viewport = Viewport with { Y = Math.Clamp(Viewport.Y + rows, 0, Math.Max(0, _count - Viewport.Height)) };
        SetNeedsDraw();
        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        if (!_started && Viewport.Height > 0)
        {
            // Open at the newest traffic, which is what one presses F2 to look at.
            _started = true;
            Viewport = Viewport with { Y = Math.Max(0, _count - Viewport.Height) };
        }

        var normal = GetAttributeForRole(VisualRole.Normal);
        SetAttribute(normal);
        // Traffic may still arrive and evict old rows while the view is open: one frame reads one state.
        lock (_log.SyncRoot)
        {
            var count = _rows.RowCount;
            for (var row = 0; row < Viewport.Height; row++)
            {
                var i = Viewport.Y + row;
                Move(0, row);
                var text = i < count ? _rows.FormatRow(i) : (i == 0 ? "(no traffic yet)" : string.Empty);
                AddStr(text.PadRight(Viewport.Width));
            }
        }

        return true;
    }
}
