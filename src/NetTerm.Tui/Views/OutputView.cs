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
        ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar;
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
        SetContentHeight(Lines.Count);
        if (Follow)
        {
            StickToBottom();
        }

        SetNeedsDraw();
    }

    public bool ScrollBy(int rows)
    {
        var max = Math.Max(0, Lines.Count - Viewport.Height);
        var y = Math.Clamp(Viewport.Y + rows, 0, max);
        Viewport = Viewport with { Y = y };
        Follow = y >= max;
        SetNeedsDraw();
        return true;
    }

    public bool ScrollToTop()
    {
        Follow = false;
        Viewport = Viewport with { Y = 0 };
        Follow = Lines.Count <= Viewport.Height;
        SetNeedsDraw();
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
        if (index < Viewport.Y)
        {
            ScrollBy(index - Viewport.Y);
        }
        else if (index >= Viewport.Y + Viewport.Height)
        {
            ScrollBy(index - (Viewport.Y + Viewport.Height) + 1);
        }
    }

    private void StickToBottom() => Viewport = Viewport with { Y = Math.Max(0, Lines.Count - Viewport.Height) };

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        // A resize must not leave the view stranded above the bottom while it is following.
        if (Follow && Viewport.Y != Math.Max(0, Lines.Count - Viewport.Height))
        {
            StickToBottom();
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        var (selFrom, selTo) = SelectionRange();
        for (var row = 0; row < Viewport.Height; row++)
        {
            var index = Viewport.Y + row;
            Move(0, row);
            if (index >= Lines.Count)
            {
                SetAttribute(normal);
                AddStr(new string(' ', width));
                continue;
            }

            var line = Lines.GetLine(index);
            var selected = (index >= selFrom && index <= selTo) || index == Highlight;
            var lineAttribute = selected ? _palette.Selected(normal) : _palette.For(line.Kind, normal);
            var prefix = Prefix(index, line);
            SetAttribute(lineAttribute);
            AddStr(prefix);
            var used = DrawText(line, lineAttribute, selected, width * 2);
            used += Terminal.Gui.Text.StringExtensions.GetColumns(prefix);
            if (used < width)
            {
                SetAttribute(selected ? lineAttribute : normal);
                AddStr(new string(' ', width - used));
            }
        }

        return true;
    }

    /// <summary>Draws the line's text with its SGR style runs; returns the columns used.</summary>
    private int DrawText(ScrollbackLine line, Attribute lineAttribute, bool selected, int maxChars)
    {
        var text = line.Text.Length > maxChars ? line.Text[..maxChars] : line.Text;
        var position = 0;
        foreach (var run in line.Runs)
        {
            if (run.Start >= text.Length)
            {
                break;
            }

            if (run.Start > position)
            {
                SetAttribute(lineAttribute);
                AddStr(text[position..run.Start]);
            }

            var end = Math.Min(run.End, text.Length);
            SetAttribute(selected ? lineAttribute : StyleMapper.Map(run.Style, lineAttribute, _palette.NoColor));
            AddStr(text[run.Start..end]);
            position = end;
        }

        if (position < text.Length)
        {
            SetAttribute(lineAttribute);
            AddStr(text[position..]);
        }

        return Terminal.Gui.Text.StringExtensions.GetColumns(text);
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
