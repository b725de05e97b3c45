using System.Text;
using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace NetTerm.Tui.Views;

/// <summary>Line selection: Shift+Up/Down from the keyboard, drag with the mouse. Mouse reporting takes the host
/// terminal's own selection away, so the pane must offer its own (copied with Ctrl+C through TG's clipboard).</summary>
internal sealed partial class OutputView
{
    // Absolute line numbers (see OutputLines.FirstLineNumber), so a selection survives old lines falling off the ring.
    private long? _anchor;
    private long _caret;
    private bool _dragging;

    public bool HasSelection => _anchor is not null;

    /// <summary>Starts (at the bottom visible line) or extends the selection by <paramref name="delta"/> lines.</summary>
    public void ExtendSelection(int delta)
    {
        if (Lines.Count == 0)
        {
            return;
        }

        if (_anchor is null)
        {
            BuildLayout();
            var bottom = _layout.Count > 0 ? _layout[^1].Line : Lines.Count - 1;
            _anchor = _caret = Lines.FirstLineNumber + bottom;
            delta = Math.Min(0, delta);
        }

        _caret = Math.Clamp(_caret + delta, Lines.FirstLineNumber, Lines.TotalAppended - 1);
        Reveal((int)(_caret - Lines.FirstLineNumber));
        SetNeedsDraw();
    }

    public void ClearSelection()
    {
        _anchor = null;
        _dragging = false;
        SetNeedsDraw();
    }

    /// <summary>The selected rows as shown (timestamps and marks included), LF-separated.</summary>
    public string SelectedText()
    {
        lock (Lines.SyncRoot)
        {
            return SelectedTextLocked();
        }
    }

    private string SelectedTextLocked()
    {
        var (from, to) = SelectionRange();
        if (from > to)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        for (var i = from; i <= to; i++)
        {
            if (IsShown(i))
            {
                text.Append(RowText(i)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Selected index range (0 = oldest held); from > to when nothing is selected.</summary>
    private (int From, int To) SelectionRange()
    {
        if (_anchor is not { } anchor)
        {
            return (0, -1);
        }

        var a = anchor - Lines.FirstLineNumber;
        var c = _caret - Lines.FirstLineNumber;
        var from = (int)Math.Max(0, Math.Min(a, c));
        var to = (int)Math.Min(Lines.Count - 1, Math.Max(a, c));
        return (from, to);
    }

    private bool HandleSelectionMouse(Mouse mouse)
    {
        if (mouse.Position is not { } p)
        {
            return false;
        }

        var index = LineAtRow(p.Y);
        if (mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed))
        {
            if (!_dragging)
            {
                _dragging = true;
                _anchor = Lines.FirstLineNumber + index;
                (App?.Mouse as IMouseGrabHandler)?.GrabMouse(this);
                SetFocus();
            }
            else if (p.Y < 0)
            {
                ScrollBy(-1);
            }
            else if (p.Y >= Viewport.Height)
            {
                ScrollBy(1);
            }

            _caret = Lines.FirstLineNumber + index;
            SetNeedsDraw();
            return true;
        }

        if (_dragging && (mouse.Flags.HasFlag(MouseFlags.LeftButtonReleased) || mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked)))
        {
            _dragging = false;
            (App?.Mouse as IMouseGrabHandler)?.UngrabMouse();
            if (_anchor == Lines.FirstLineNumber + index && _caret == _anchor && mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked))
            {
                // A plain click selects nothing.
                _anchor = null;
            }

            SetNeedsDraw();
            return true;
        }

        return false;
    }
}
