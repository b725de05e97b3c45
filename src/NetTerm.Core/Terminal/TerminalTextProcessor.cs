namespace NetTerm.Core.Terminal;

/// <summary>
/// Turns the peer's decoded text into scrollback lines, sans I/O and stateful across calls (an escape sequence or
/// a surrogate pair split between reads still works). It is line-oriented, not a VT emulator: LF ends a line;
/// on the current line CR, BS, CSI K (erase in line) and CSI C / D (cursor right / left) edit in place; SGR
/// colours and attributes become style runs; harmless mode switches (bracketed paste, cursor visibility, keypad
/// and cursor-key modes, mouse reporting) are dropped.
/// </summary>
/// <remarks>
/// Everything else that could act on a terminal is shown, never passed through and never answered: other CSI
/// sequences (cursor positioning, erase display, device status and attribute queries), OSC (title, clipboard,
/// hyperlinks), DCS / APC / PM / SOS, other ESC sequences, C1 controls (U+009B is not a CSI introducer here),
/// other C0 controls and invisible or bidi format characters, in <see cref="CellStyle.Escaped"/>. Every buffer is
/// bounded: CSI parameters at 64 characters, control strings at 4 KiB (then shown abbreviated), a line at the
/// scrollback's <see cref="Scrollback.MaxLineLength"/> (then continued on a new line).
/// <para>The unfinished last line is shown live (a prompt without a newline is visible) as the scrollback's last
/// line and replaced as it changes. If something else is appended after it (a sent line) or the scrollback is
/// cleared, the part already shown stays where it is and further text starts a new line.</para>
/// Not thread-safe: one instance per session, used on one thread.
/// </remarks>
public sealed partial class TerminalTextProcessor
{
    private readonly Scrollback _scrollback;
    private readonly TimeProvider _timeProvider;
    private readonly LineKind _kind;
    private ParserState _state;
    private CellStyle _style;
    private char _pendingHigh;
    private DateTimeOffset _now;

    public TerminalTextProcessor(Scrollback scrollback, TimeProvider? timeProvider = null, LineKind kind = LineKind.Received)
    {
        ArgumentNullException.ThrowIfNull(scrollback);
        _scrollback = scrollback;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _kind = kind;
        _chars = new char[scrollback.MaxLineLength];
        _styles = new CellStyle[scrollback.MaxLineLength];
    }

    /// <summary>The SGR style that new text gets.</summary>
    public CellStyle CurrentStyle => _style;

    /// <summary>Processes the next chunk, stamping new lines with the time provider's local time.</summary>
    public void Process(ReadOnlySpan<char> text) => Process(text, _timeProvider.GetLocalNow());

    /// <summary>Processes the next chunk; new lines get <paramref name="timestamp"/> (use the event's timestamp).</summary>
    public void Process(ReadOnlySpan<char> text, DateTimeOffset timestamp) => Process(text, [], timestamp);

    /// <summary>
    /// As <see cref="Process(ReadOnlySpan{char}, DateTimeOffset)"/>, given also the bytes the text was decoded from when
    /// they are all ASCII and one character each (<paramref name="ascii"/>[i] is <paramref name="text"/>[i]; empty when
    /// not). Whole plain lines are then found and stored from the bytes: in a flood that halves the memory the line
    /// search and the copy into the scrollback read, which is what they are bound by.
    /// </summary>
    public void Process(ReadOnlySpan<char> text, ReadOnlySpan<byte> ascii, DateTimeOffset timestamp)
    {
        if (!ascii.IsEmpty && ascii.Length != text.Length)
            throw new ArgumentException("The ASCII bytes must be the text, one byte per character.", nameof(ascii));
        _now = timestamp;
        DetachIfMoved();
        var specialChars = EscapeTables.Special[0];
        var i = 0;
        while (i < text.Length)
        {
            if (_state == ParserState.Ground && _pendingHigh == '\0')
            {
                // Plain text is copied in runs; only the characters that need a decision go one by one.
                var rest = text[i..];
                var index = ascii.IsEmpty
                    ? EscapeTables.IndexOfSpecial(rest, specialChars)
                    : EscapeTables.IndexOfSpecial(ascii[i..], rest, specialChars);
                var run = index < 0 ? rest.Length : index;
                if (index >= 0 && IsFreshPlainLine(run) && LineEndLength(rest[index..]) is var ending and > 0)
                {
                    // A whole line of plain text on a fresh line (a flood's usual case): straight to the scrollback,
                    // as the line buffer would have committed it.
                    if (ascii.IsEmpty)
                        _scrollback.Append(_kind, rest[..run], [], _now);
                    else
                        _scrollback.AppendAscii(_kind, ascii.Slice(i, run), _now);
                    i += run + ending;
                    continue;
                }

                if (run > 0)
                {
                    PutText(rest[..run], _style);
                    i += run;
                    continue;
                }
            }

            Step(text[i]);
            i++;
        }

        Sync();
    }

    /// <summary>Nothing of the current line is held or shown, no style is set, and the text fits on one line.</summary>
    private bool IsFreshPlainLine(int length) =>
        _length == 0 && _cursor == 0 && _liveLine < 0 && !_swallowLineFeed && _style.IsDefault && length <= MaxLength;

    /// <summary>2 for CR LF, 1 for LF, 0 for anything else (a CR alone may be followed by more text).</summary>
    private static int LineEndLength(ReadOnlySpan<char> text) =>
        text[0] == '\n' ? 1 : text[0] == '\r' && text.Length > 1 && text[1] == '\n' ? 2 : 0;

    /// <summary>The stream ended: an unfinished escape sequence is shown as text and a held high surrogate
    /// becomes U+FFFD. The current line stays as it is.</summary>
    public void Flush()
    {
        if (_pendingHigh != '\0')
        {
            _pendingHigh = '\0';
            PutChar('\uFFFD', _style);
        }

        AbortSequence();
        Sync();
    }

    /// <summary>Forgets all state (style, partial sequences, the current line) for a new connection. Lines already
    /// in the scrollback stay.</summary>
    public void Reset()
    {
        _state = ParserState.Ground;
        _style = default;
        _pendingHigh = '\0';
        _seqLength = _seqTotal = _stringPreviewLength = _stringTotal = 0;
        _seqOverflow = false;
        Detach();
    }

    private void Step(char c)
    {
        switch (_state)
        {
            case ParserState.Ground:
                Ground(c);
                break;
            case ParserState.Escape:
                Escape(c);
                break;
            case ParserState.EscapeIntermediate:
                EscapeIntermediate(c);
                break;
            case ParserState.Csi:
                Csi(c);
                break;
            case ParserState.ControlString:
                ControlString(c);
                break;
            default:
                ControlStringEscape(c);
                break;
        }
    }

    private void Ground(char c)
    {
        if (_pendingHigh != '\0')
        {
            var high = _pendingHigh;
            _pendingHigh = '\0';
            if (char.IsLowSurrogate(c))
            {
                PutPair(high, c);
                return;
            }

            PutChar('\uFFFD', _style);
        }

        switch (c)
        {
            case '\n':
                LineFeed();
                return;
            case '\r':
                _cursor = 0;
                return;
            case '\b':
                Backspace();
                return;
            case '\t':
                Tab();
                return;
            case '\u001b':
                _state = ParserState.Escape;
                return;
        }

        if (char.IsHighSurrogate(c))
            _pendingHigh = c; // decided by the next character, which may be in the next chunk
        else if (char.IsLowSurrogate(c))
            PutChar('\uFFFD', _style);
        else if (ControlCharClassifier.MustEscape(c))
            PutEscapedChar(c);
        else
            PutChar(c, _style);
    }
}
