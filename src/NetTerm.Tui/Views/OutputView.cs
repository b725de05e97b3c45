using NetTerm.Core.Terminal;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetTerm.Tui.Views;

/// <summary>
/// The output pane: draws only the visible rows straight from the line ring (never ListView/TextView, see the crib
/// sheet's performance section), follows the bottom until the user scrolls up, and offers line selection by
/// keyboard and mouse. Appending is O(1); a frame costs the visible rows only.
/// </summary>
internal sealed partial class OutputView : View
{
    private readonly OutputPalette _palette;

    public OutputView(Scrollback lines, OutputPalette palette)
    {
        Lines = lines;
        _palette = palette;
        CanFocus = true;
        // Viewport.Y is the top line; with wrapped lines the last screenful starts above Count - Height.
        ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar | ViewportSettingsFlags.AllowYPlusHeightGreaterThanContentHeight;
        MousePositionTracking = true;
        SetContentHeight(0);
        AddCommand(Command.ScrollUp, () => ScrollBy(-1));
        AddCommand(Command.ScrollDown, () => ScrollBy(1));
        AddCommand(Command.PageUp, () => ScrollBy(-Math.Max(1, Viewport.Height - 1)));
        AddCommand(Command.PageDown, () => ScrollBy(Math.Max(1, Viewport.Height - 1)));
        AddCommand(Command.Start, () => ScrollToTop());
        AddCommand(Command.End, () => ScrollToBottom());
        KeyBindings.Add(Key.CursorUp, Command.ScrollUp);
        KeyBindings.Add(Key.CursorDown, Command.ScrollDown);
        KeyBindings.Add(Key.PageUp, Command.PageUp);
        KeyBindings.Add(Key.PageDown, Command.PageDown);
        KeyBindings.Add(Key.Home, Command.Start);
        KeyBindings.Add(Key.End, Command.End);
    }

    public Scrollback Lines { get; }

    /// <summary>True while the view sticks to the newest line; scrolling up clears it, reaching the bottom sets it.</summary>
    public bool Follow { get; private set; } = true;

    public LineTimestampMode Timestamps { get; set; }

    /// <summary>Index (0 = oldest held) of the line a search found; drawn highlighted. -1 for none.</summary>
    public int Highlight { get; set; } = -1;

    /// <summary>Call after a batch of appends: one content-size update and one redraw per batch.</summary>
    public void Refresh()
    {
        lock (Lines.SyncRoot)
        {
            SetContentHeight(Lines.Count);
            if (Follow)
            {
                StickToBottom();
            }
        }

        SetNeedsDraw();
    }

    /// <summary>Scrolls by screen rows (a wrapped line counts its rows); reaching the newest line follows again.</summary>
    public bool ScrollBy(int rows)
    {
        var top = Follow ? MaxTop() : Math.Max(0, Viewport.Y);
        var remaining = Math.Abs(rows);
        var i = top;
        if (rows < 0)
        {
            while (remaining > 0 && i > 0)
            {
                i--;
                remaining -= LayoutLine(i, null);
            }
        }
        else
        {
            while (remaining > 0 && i < Lines.Count - 1)
            {
                remaining -= LayoutLine(i, null);
                i++;
            }
        }

        SetTop(i);
        return true;
    }

    private void SetTop(int index)
    {
        var max = MaxTop();
        Follow = index >= max;
        Viewport = Viewport with { Y = Math.Clamp(index, 0, max) };
        SetNeedsDraw();
    }

    public bool ScrollToTop()
    {
        SetTop(0);
        return true;
    }

    public bool ScrollToBottom()
    {
        Follow = true;
        StickToBottom();
        SetNeedsDraw();
        return true;
    }

    /// <summary>Scrolls so that line <paramref name="index"/> is visible (search hits, keyboard selection).</summary>
    public void Reveal(int index)
    {
        BuildLayout();
        if (_layout.Count == 0)
        {
            return;
        }

        if (index < _layout[0].Line || (index == _layout[0].Line && !_layout[0].First))
        {
            SetTop(index);
        }
        else if (index > _layout[^1].Line)
        {
            SetTop(TopFor(index));
        }
    }

    private void StickToBottom() => Viewport = Viewport with { Y = MaxTop() };

    private bool _adjusting;

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        // A resize must not leave the view stranded above the bottom while it is following, and dragging the
        // scroll bar to the end follows again. Terminal.Gui may clamp the Y we set, so this must not recurse.
        if (_adjusting)
        {
            return;
        }

        _adjusting = true;
        try
        {
            var max = MaxTop();
            if (Follow ? Viewport.Y != max : Viewport.Y >= max)
            {
                Follow = true;
                StickToBottom();
            }
        }
        finally
        {
            _adjusting = false;
        }
    }

    /// <summary>Every cell of the viewport is drawn by <see cref="DrawRows"/> (text, then padding), so Terminal.Gui's
    /// clear, which measures each cell it fills, is a second full pass per frame for nothing.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        // The session's pump appends under the scrollback's lock: the frame's rows are read under it (one state of
        // the scrollback per frame) and drawn after it, so a flood waits for a copy of a screenful, not for drawing.
        int selFrom, selTo;
        lock (Lines.SyncRoot)
        {
            (selFrom, selTo) = SelectionRange();
            BuildLayout();
            _frame.Clear();
            foreach (var visual in _layout)
            {
                var line = Line(visual.Line);
                _frame.Add(new FrameRow(visual, line, visual.First ? Prefix(visual.Line, line) : new string(' ', visual.Indent)));
            }
        }

        DrawRows(selFrom, selTo);
        return true;
    }

    private void DrawRows(int selFrom, int selTo)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        for (var row = 0; row < Viewport.Height; row++)
        {
            Move(0, row);
            if (row >= _frame.Count)
            {
                SetAttribute(normal);
                AddStr(new string(' ', width));
                continue;
            }

            var (visual, line, lead) = _frame[row];
            var selected = (visual.Line >= selFrom && visual.Line <= selTo) || visual.Line == Highlight;
            var lineAttribute = selected ? _palette.Selected(normal) : _palette.For(line.Kind, normal);
            SetAttribute(lineAttribute);
            AddStr(lead);
            var end = _wrapLines ? visual.End : Math.Min(visual.End, width * 2);
            var used = DrawText(line, visual.Start, end, lineAttribute, selected);
            used += Terminal.Gui.Text.StringExtensions.GetColumns(lead);
            if (used < width)
            {
                SetAttribute(selected ? lineAttribute : normal);
                AddStr(new string(' ', width - used));
            }
        }
    }

    /// <summary>Draws characters [start, end) of the line with its SGR style runs; returns the columns used.</summary>
    private int DrawText(ScrollbackLine line, int start, int end, Attribute lineAttribute, bool selected)
    {
        var text = line.Text;
        var position = start;
        foreach (var run in line.Runs)
        {
            if (run.End <= position)
            {
                continue;
            }

            if (run.Start >= end)
            {
                break;
            }

            if (run.Start > position)
            {
                SetAttribute(lineAttribute);
                AddStr(text[position..run.Start]);
                position = run.Start;
            }

            var runEnd = Math.Min(run.End, end);
            SetAttribute(selected ? lineAttribute : StyleMapper.Map(run.Style, lineAttribute, _palette.NoColor));
            AddStr(text[position..runEnd]);
            position = runEnd;
        }

        if (position < end)
        {
            SetAttribute(lineAttribute);
            AddStr(text[position..end]);
        }

        return Terminal.Gui.Text.StringExtensions.GetColumns(text[start..end]);
    }

    private string Prefix(int index, ScrollbackLine line)
    {
        var previous = Timestamps == LineTimestampMode.Delta && index > 0 ? Lines.GetTimestamp(index - 1) : (DateTimeOffset?)null;
        return LineTimestampFormatter.Format(Timestamps, line.Timestamp, previous) + OutputPalette.Mark(line.Kind);
    }

    /// <summary>What a row shows: timestamp, direction mark and text (what a copy or Ctrl+S takes).</summary>
    internal string RowText(int index) => Prefix(index, Lines.GetLine(index)) + Lines.GetLine(index).Text;

    protected override bool OnMouseEvent(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp))
        {
            return ScrollBy(-3);
        }

        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown))
        {
            return ScrollBy(3);
        }

        return HandleSelectionMouse(mouse) || base.OnMouseEvent(mouse);
    }
}
