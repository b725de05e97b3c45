using NetTerm.Core.Terminal;

namespace NetTerm.Tui.Views;

/// <summary>Soft wrapping and hidden kinds. Viewport.Y is the index of the top line; a line takes as many rows as
/// its wrapped text needs. Only the lines that reach the screen are measured, so a frame still costs the visible
/// rows, and appending stays O(1).</summary>
internal sealed partial class OutputView
{
    private readonly List<VisualRow> _layout = [];
    private readonly List<FrameRow> _frame = [];
    private readonly List<VisualRow> _lineRows = [];
    private readonly List<Range> _wrap = [];
    private readonly Dictionary<int, ScrollbackLine> _decoded = [];
    private long _decodedVersion = -1;
    private bool _wrapLines = true;
    private bool _hideAnnotations;

    /// <summary>One screen row: part [Start, End) of line <see cref="Line"/>; the first row of a line carries its
    /// timestamp and mark, the others are indented under its text.</summary>
    private readonly record struct VisualRow(int Line, int Start, int End, bool First, int Indent);

    /// <summary>A row of the frame being drawn: where it is, the line, and its lead (timestamp and mark, or the
    /// indent of a continuation row).</summary>
    private readonly record struct FrameRow(VisualRow Row, ScrollbackLine Line, string Lead);

    /// <summary>Long lines continue on the next rows (default); off, they are cut at the pane's edge.</summary>
    public bool WrapLines
    {
        get => _wrapLines;
        set
        {
            _wrapLines = value;
            Relayout();
        }
    }

    /// <summary>Annotation lines stay in the scrollback but are not shown (F7), old ones included.</summary>
    public bool HideAnnotations
    {
        get => _hideAnnotations;
        set
        {
            _hideAnnotations = value;
            Relayout();
        }
    }

    /// <summary>Whether line <paramref name="index"/> is drawn (copy and save take only shown lines).</summary>
    internal bool IsShown(int index) => !(_hideAnnotations && Lines.GetKind(index) == LineKind.Annotation);

    private void Relayout()
    {
        if (Follow)
        {
            StickToBottom();
        }
        else
        {
            Viewport = Viewport with { Y = Math.Min(Viewport.Y, MaxTop()) };
        }

        SetNeedsDraw();
    }

    /// <summary>Line <paramref name="index"/> decoded once per scrollback version (a frame measures and draws it).</summary>
    private ScrollbackLine Line(int index)
    {
        if (_decodedVersion != Lines.Version || _decoded.Count > 1024)
        {
            _decoded.Clear();
            _decodedVersion = Lines.Version;
        }

        if (!_decoded.TryGetValue(index, out var line))
        {
            line = Lines.GetLine(index);
            _decoded[index] = line;
        }

        return line;
    }

    /// <summary>The rows of line <paramref name="index"/> at the current width (0 when hidden), appended to
    /// <paramref name="into"/> when given.</summary>
    private int LayoutLine(int index, List<VisualRow>? into)
    {
        if (!IsShown(index))
        {
            return 0;
        }

        var width = Math.Max(1, Viewport.Width);
        var line = Line(index);
        var prefix = Terminal.Gui.Text.StringExtensions.GetColumns(Prefix(index, line));
        if (!_wrapLines)
        {
            into?.Add(new VisualRow(index, 0, line.Text.Length, true, 0));
            return 1;
        }

        var indent = prefix < width / 2 ? prefix : 0;
        _wrap.Clear();
        var count = LineWrapper.Split(line.Text, width - prefix, width - indent, into is null ? null : _wrap);
        if (into is not null)
        {
            for (var r = 0; r < _wrap.Count; r++)
            {
                var (start, length) = _wrap[r].GetOffsetAndLength(line.Text.Length);
                into.Add(new VisualRow(index, start, start + length, r == 0, r == 0 ? 0 : indent));
            }
        }

        return count;
    }

    /// <summary>The top line when the newest line is on the bottom row (the line at the top may be cut).</summary>
    private int MaxTop() => TopFor(Lines.Count - 1);

    /// <summary>The top line that puts line <paramref name="bottom"/> on the last row.</summary>
    private int TopFor(int bottom)
    {
        var rows = 0;
        var i = bottom;
        for (; i > 0; i--)
        {
            rows += LayoutLine(i, null);
            if (rows >= Viewport.Height)
            {
                return i;
            }
        }

        return Math.Max(0, i);
    }

    /// <summary>Builds the rows of this frame: bottom-up while following (the newest line on the last row),
    /// top-down from Viewport.Y otherwise.</summary>
    private void BuildLayout()
    {
        _layout.Clear();
        var height = Viewport.Height;
        if (height <= 0 || Viewport.Width <= 0 || Lines.Count == 0)
        {
            return;
        }

        if (Follow)
        {
            for (var i = Lines.Count - 1; i >= 0 && _layout.Count < height; i--)
            {
                _lineRows.Clear();
                LayoutLine(i, _lineRows);
                _layout.InsertRange(0, _lineRows);
            }

            if (_layout.Count > height)
            {
                _layout.RemoveRange(0, _layout.Count - height);
            }

            return;
        }

        for (var i = Math.Max(0, Viewport.Y); i < Lines.Count && _layout.Count < height; i++)
        {
            LayoutLine(i, _layout);
        }

        if (_layout.Count > height)
        {
            _layout.RemoveRange(height, _layout.Count - height);
        }
    }

    /// <summary>The line shown on screen row <paramref name="row"/> (clamped to the first and last shown).</summary>
    private int LineAtRow(int row)
    {
        if (_layout.Count == 0)
        {
            return Math.Max(0, Math.Min(Viewport.Y + row, Lines.Count - 1));
        }

        return _layout[Math.Clamp(row, 0, _layout.Count - 1)].Line;
    }
}
