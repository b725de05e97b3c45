using System.Runtime.InteropServices;

namespace NetTerm.Core.Terminal;

/// <summary>The current line: a fixed buffer of characters and their styles, a cursor, and its live copy in the
/// scrollback.</summary>
public sealed partial class TerminalTextProcessor
{
    private const int TabWidth = 8;

    private readonly char[] _chars;
    private readonly CellStyle[] _styles;
    private readonly List<StyleRun> _runs = [];
    private int _length;
    private int _cursor;
    private bool _dirty;

    /// <summary>False while every cell of the line is in the default style: <see cref="_styles"/> is then not
    /// kept up to date at all, which spares a plain-text flood a per-cell fill and a per-cell run scan.</summary>
    private bool _styled;

    /// <summary>Set when the live line was detached by a line appended after it: the LF that ends the peer's line
    /// then ends a line that is already shown, and must not add an empty one.</summary>
    private bool _swallowLineFeed;

    /// <summary>Line number (<see cref="Scrollback.FirstLineNumber"/> + index) of the live copy, or -1.</summary>
    private long _liveLine = -1;

    private int MaxLength => _chars.Length;

    private bool IsAttached =>
        _liveLine >= 0 && _scrollback.Count > 0 && _scrollback.TotalAppended - 1 == _liveLine;

    private void PutChar(char c, CellStyle style)
    {
        if (_cursor >= MaxLength)
            WrapLine();
        PadToCursor();
        _chars[_cursor] = c;
        if (_styled || StartStyling(style))
            _styles[_cursor] = style;
        _cursor++;
        _length = Math.Max(_length, _cursor);
        _dirty = true;
        _swallowLineFeed = false;
    }

    private void PutPair(char high, char low)
    {
        if (_cursor + 2 > MaxLength)
            WrapLine();
        PutChar(high, _style);
        PutChar(low, _style);
    }

    /// <summary>Writes text that is already known to be safe (no controls, no surrogates to check).</summary>
    private void PutText(ReadOnlySpan<char> text, CellStyle style)
    {
        while (!text.IsEmpty)
        {
            if (_cursor >= MaxLength)
                WrapLine();
            PadToCursor();
            var n = Math.Min(text.Length, MaxLength - _cursor);
            text[..n].CopyTo(_chars.AsSpan(_cursor));
            if (_styled || StartStyling(style))
                _styles.AsSpan(_cursor, n).Fill(style);
            _cursor += n;
            _length = Math.Max(_length, _cursor);
            _dirty = true;
            _swallowLineFeed = false;
            text = text[n..];
        }
    }

    /// <summary>The first non-default cell of a line: from now on the styles are tracked, and the cells written so
    /// far were all default. Returns whether <paramref name="style"/> must be stored.</summary>
    private bool StartStyling(CellStyle style)
    {
        if (style.IsDefault)
            return false;
        _styles.AsSpan(0, _length).Clear();
        _styled = true;
        return true;
    }

    private void PutEscapedChar(char c)
    {
        Span<char> spelling = stackalloc char[ControlCharClassifier.MaxEscapedLength];
        var n = ControlCharClassifier.WriteEscaped(c, spelling);
        PutText(spelling[..n], CellStyle.Escaped);
    }

    /// <summary>Cells between the end of the text and a cursor moved past it (CSI C, TAB, erase) are blanks.</summary>
    private void PadToCursor()
    {
        if (_cursor <= _length)
            return;
        _chars.AsSpan(_length, _cursor - _length).Fill(' ');
        _styles.AsSpan(_length, _cursor - _length).Clear();
        _length = _cursor;
    }

    private void Backspace()
    {
        if (_cursor == 0)
            return;
        _cursor--;
        // Step over a whole surrogate pair, so the next character does not split it.
        if (_cursor > 0 && _cursor < _length && char.IsLowSurrogate(_chars[_cursor]) && char.IsHighSurrogate(_chars[_cursor - 1]))
            _cursor--;
    }

    /// <summary>TAB moves to the next multiple of 8 like a terminal (it does not erase what it passes over);
    /// past the end of the text it leaves spaces.</summary>
    private void Tab()
    {
        if (_cursor >= MaxLength)
            WrapLine();
        _cursor = Math.Min(MaxLength, ((_cursor / TabWidth) + 1) * TabWidth);
        PadToCursor();
        _dirty = true;
    }

    private void MoveCursor(int delta) =>
        _cursor = (int)Math.Clamp((long)_cursor + delta, 0, MaxLength - 1);

    /// <summary>CSI K: 0 erases from the cursor to the end, 1 from the start through the cursor, 2 the whole line.
    /// The cursor does not move; text written later is padded with blanks up to it.</summary>
    private void EraseInLine(int mode)
    {
        switch (mode)
        {
            case 0:
                _length = Math.Min(_length, _cursor);
                break;
            case 1 when _cursor < _length - 1:
                _chars.AsSpan(0, _cursor + 1).Fill(' ');
                _styles.AsSpan(0, _cursor + 1).Clear();
                break;
            default: // 2, or 1 reaching the end of the text
                _length = 0;
                _styled = false;
                break;
        }

        _dirty = true;
    }

    /// <summary>A line longer than the cap continues on a new line, like a terminal's autowrap.</summary>
    private void WrapLine()
    {
        CommitLine();
        _cursor = 0;
    }

    private void LineFeed()
    {
        if (_swallowLineFeed && _length == 0)
        {
            _swallowLineFeed = false;
            return;
        }

        CommitLine();
    }

    private void CommitLine()
    {
        _swallowLineFeed = false;
        _dirty = true;
        Show(allowEmpty: true);
        _liveLine = -1;
        _length = _cursor = 0;
        _styled = false;
        _dirty = false;
    }

    /// <summary>Brings the live copy up to date after a chunk.</summary>
    private void Sync()
    {
        if (_dirty)
            Show(allowEmpty: false);
        _dirty = false;
    }

    private void Show(bool allowEmpty)
    {
        var attached = IsAttached;
        if (!attached && _length == 0 && !allowEmpty)
            return;
        BuildRuns();
        var runs = CollectionsMarshal.AsSpan(_runs);
        var text = _chars.AsSpan(0, _length);
        if (attached)
        {
            _scrollback.ReplaceLast(text, runs);
        }
        else
        {
            _scrollback.Append(_kind, text, runs, _now);
            _liveLine = _scrollback.TotalAppended - 1;
        }
    }

    private void BuildRuns()
    {
        _runs.Clear();
        if (!_styled)
            return;
        var start = 0;
        for (var i = 1; i <= _length; i++)
        {
            if (i < _length && _styles[i] == _styles[start])
                continue;
            if (!_styles[start].IsDefault)
                _runs.Add(new StyleRun(start, i - start, _styles[start]));
            start = i;
        }
    }

    /// <summary>Someone else appended a line after the live one, or cleared the scrollback: what was shown stays,
    /// and the rest of the line starts fresh below.</summary>
    private void DetachIfMoved()
    {
        if (_liveLine >= 0 && !IsAttached)
        {
            Detach();
            _swallowLineFeed = true;
        }
    }

    private void Detach()
    {
        _swallowLineFeed = false;
        _liveLine = -1;
        _length = _cursor = 0;
        _styled = false;
        _dirty = false;
    }
}
