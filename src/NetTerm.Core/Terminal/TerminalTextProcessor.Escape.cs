namespace NetTerm.Core.Terminal;

/// <summary>ESC, CSI and control-string states. Sequences are collected into small fixed buffers and either
/// applied (SGR, line editing), dropped (harmless modes) or shown neutralised.</summary>
public sealed partial class TerminalTextProcessor
{
    /// <summary>CSI parameters and intermediates kept; longer sequences are consumed but shown abbreviated.</summary>
    private const int MaxSequenceLength = 64;

    /// <summary>The most a sequence or control string may swallow before it is abandoned and shown, so an
    /// unterminated one cannot hide the rest of the stream.</summary>
    private const int MaxSwallowed = 4096;

    /// <summary>Characters of a control string (or an over-long CSI) kept to show it.</summary>
    private const int PreviewLength = 32;

    private const string Ellipsis = "\u2026";

    private readonly char[] _seq = new char[MaxSequenceLength];
    private readonly char[] _stringPreview = new char[PreviewLength];
    private int _seqLength;
    private int _seqTotal;
    private bool _seqOverflow;
    private char _stringKind;
    private int _stringPreviewLength;
    private int _stringTotal;

    private void Escape(char c)
    {
        _state = ParserState.Ground;
        switch (c)
        {
            case '[':
                _seqLength = _seqTotal = 0;
                _seqOverflow = false;
                _state = ParserState.Csi;
                return;
            case ']' or 'P' or '_' or '^' or 'X':
                _stringKind = c;
                _stringPreviewLength = _stringTotal = 0;
                _state = ParserState.ControlString;
                return;
            case '=' or '>':
                return; // keypad application / numeric mode: no visible effect
            case '\u001b':
                ShowEscaped("\\e");
                _state = ParserState.Escape;
                return;
            case >= ' ' and <= '/':
                _seqLength = 0;
                _seq[_seqLength++] = c;
                _state = ParserState.EscapeIntermediate;
                return;
            case > '/' and <= '~':
                Span<char> shown = ['\\', 'e', c];
                ShowEscaped(shown);
                return;
            default:
                // Not a sequence: show the lone ESC and treat the character as text.
                ShowEscaped("\\e");
                Ground(c);
                return;
        }
    }

    private void EscapeIntermediate(char c)
    {
        if (c is >= ' ' and <= '/' && _seqLength < 8)
        {
            _seq[_seqLength++] = c;
            return;
        }

        _state = ParserState.Ground;
        var complete = c is > '/' and <= '~';
        // ESC ( B / ESC ) B select US-ASCII, which is what we show anyway (tput sgr0 emits it before every reset).
        if (complete && c == 'B' && _seqLength == 1 && _seq[0] is '(' or ')')
            return;
        ShowEscaped("\\e");
        ShowEscaped(_seq.AsSpan(0, _seqLength));
        if (complete)
            ShowEscaped([c]);
        else
            Step(c);
    }

    private void Csi(char c)
    {
        if (c is >= ' ' and <= '?')
        {
            if (_seqLength < MaxSequenceLength)
                _seq[_seqLength++] = c;
            else
                _seqOverflow = true;
            if (++_seqTotal > MaxSwallowed)
                AbortSequence();
            return;
        }

        _state = ParserState.Ground;
        if (c is >= '@' and <= '~')
        {
            if (_seqOverflow || !DispatchCsi(c))
                ShowCsi(c);
            return;
        }

        // A control, ESC or non-ASCII character cannot be part of a CSI: show what we have, then handle it.
        ShowCsi('\0');
        Step(c);
    }

    private void ControlString(char c)
    {
        switch (c)
        {
            case '\u0007' when _stringKind == ']':
            case '\u009c':
                _state = ParserState.Ground;
                ShowControlString();
                return;
            case '\u001b':
                _state = ParserState.ControlStringEscape;
                return;
        }

        if (_stringPreviewLength < PreviewLength)
            _stringPreview[_stringPreviewLength++] = c;
        if (++_stringTotal > MaxSwallowed)
            AbortSequence();
    }

    private void ControlStringEscape(char c)
    {
        _state = ParserState.Ground;
        ShowControlString();
        if (c != '\\')
        {
            // ESC without backslash ends the string (as in xterm) and starts a new sequence.
            _state = ParserState.Escape;
            Step(c);
        }
    }

    /// <summary>Shows an unfinished or over-long sequence as it stands and returns to plain text.</summary>
    private void AbortSequence()
    {
        var state = _state;
        _state = ParserState.Ground;
        switch (state)
        {
            case ParserState.Escape:
                ShowEscaped("\\e");
                break;
            case ParserState.EscapeIntermediate:
                ShowEscaped("\\e");
                ShowEscaped(_seq.AsSpan(0, _seqLength));
                break;
            case ParserState.Csi:
                _seqOverflow |= _seqTotal > MaxSwallowed;
                ShowCsi('\0');
                break;
            case ParserState.ControlString or ParserState.ControlStringEscape:
                _stringTotal = Math.Max(_stringTotal, _stringPreviewLength + 1); // always mark as cut short
                ShowControlString();
                break;
        }
    }

    /// <summary><c>\e[2J</c>; an over-long sequence is cut to its first characters and an ellipsis.</summary>
    private void ShowCsi(char final)
    {
        ShowEscaped("\\e[");
        ShowEscaped(_seq.AsSpan(0, _seqOverflow ? Math.Min(_seqLength, PreviewLength) : _seqLength));
        if (_seqOverflow)
            ShowEscaped(Ellipsis);
        if (final != '\0')
            ShowEscaped([final]);
    }

    /// <summary><c>\e]0;title</c>, <c>\e]52;c;SGVsbG8…</c>: the kind and the start of the payload, with anything
    /// unsafe in the payload spelled out, never the whole payload.</summary>
    private void ShowControlString()
    {
        Span<char> head = ['\\', 'e', _stringKind];
        ShowEscaped(head);
        Span<char> spelling = stackalloc char[ControlCharClassifier.MaxEscapedLength];
        foreach (var c in _stringPreview.AsSpan(0, _stringPreviewLength))
        {
            if (ControlCharClassifier.MustEscape(c) || char.IsSurrogate(c))
                ShowEscaped(spelling[..ControlCharClassifier.WriteEscaped(c, spelling)]);
            else
                ShowEscaped([c]);
        }

        if (_stringTotal > _stringPreviewLength)
            ShowEscaped(Ellipsis);
    }

    private void ShowEscaped(ReadOnlySpan<char> text) => PutText(text, CellStyle.Escaped);
}
