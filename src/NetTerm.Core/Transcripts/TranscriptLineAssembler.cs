using System.Buffers;
using NetTerm.Core.Terminal;

namespace NetTerm.Core.Transcripts;

/// <summary>Receives a line as it is emitted: escaped text (no raw control characters) and whether it was cut at
/// the length cap and continues on the next line.</summary>
internal delegate void TranscriptLineHandler(DateTimeOffset timestamp, string tag, ReadOnlySpan<char> text, bool continued);

/// <summary>
/// Turns text chunks of one direction into escaped transcript lines. LF ends a line (the CR of CR LF is dropped,
/// even when the pair is split across chunks); a line longer than the cap is cut at an escape boundary. Memory is
/// one fixed buffer of the cap's size, whatever the input. Not thread-safe: the writer holds its lock.
/// </summary>
internal sealed class TranscriptLineAssembler
{
    // LF is kept raw so the assembler can find line ends in the escaped text; TAB and every other control are
    // escaped, so a transcript line never contains a raw control character.
    private static readonly ControlEscaperOptions LineOptions = new() { KeepTab = false, KeepLineFeed = true, CrLfToLf = true };

    private readonly StreamingControlEscaper _escaper = new(LineOptions);
    private readonly char[] _line;
    private int _length;
    private DateTimeOffset _started;

    public TranscriptLineAssembler(int maxLineLength) => _line = new char[maxLineLength];

    /// <summary>The tag of the pending line; meaningful only while <see cref="HasPending"/>.</summary>
    public string Tag { get; private set; } = TranscriptTags.Info;

    /// <summary>Characters of escaped text held for the unfinished line; never more than the cap.</summary>
    public int PendingLength => _length;

    public bool HasPending => _length > 0 || _escaper.HasPending;

    /// <summary>Adds text; emits every line it completes and every cap-sized piece of an over-long line.</summary>
    public void Append(ReadOnlySpan<char> text, string tag, DateTimeOffset timestamp, TranscriptLineHandler emit)
    {
        if (!HasPending)
        {
            Tag = tag;
            _started = timestamp;
        }

        while (true)
        {
            var status = _escaper.Escape(text, _line.AsSpan(_length), out var consumed, out var written);
            text = text[consumed..];
            var end = _length + written;
            var lineStart = 0;
            var scan = _length;
            int lf;
            while ((lf = _line.AsSpan(scan, end - scan).IndexOf('\n')) >= 0)
            {
                emit(_started, Tag, _line.AsSpan(lineStart, scan + lf - lineStart), continued: false);
                lineStart = scan = scan + lf + 1;
                _started = timestamp;
            }

            // Keep the unfinished tail at the front; it is at most one cap long, so this copy is bounded too.
            _line.AsSpan(lineStart, end - lineStart).CopyTo(_line);
            _length = end - lineStart;

            if (status == OperationStatus.Done)
                return;
            if (lineStart == 0)
            {
                // Full without a line end: cut here. The escaper stops between units, so no escape is split.
                emit(_started, Tag, _line.AsSpan(0, _length), continued: true);
                _length = 0;
                _started = timestamp;
            }
        }
    }

    /// <summary>Adds a complete line: like <see cref="Append"/> followed by a line end, so an empty text is
    /// still one (empty) line.</summary>
    public void AppendLine(ReadOnlySpan<char> text, string tag, DateTimeOffset timestamp, TranscriptLineHandler emit)
    {
        Append(text, tag, timestamp, emit);
        if (HasPending)
            Flush(emit);
        else if (text.IsEmpty)
            emit(timestamp, tag, [], continued: false);
    }

    /// <summary>Emits the unfinished line, if any (a held CR shows as <c>\x0d</c>).</summary>
    public void Flush(TranscriptLineHandler emit)
    {
        if (!HasPending)
            return;
        if (!_escaper.TryFlush(_line.AsSpan(_length), out var written))
        {
            emit(_started, Tag, _line.AsSpan(0, _length), continued: true);
            _length = 0;
            _escaper.TryFlush(_line, out written);
        }

        _length += written;
        emit(_started, Tag, _line.AsSpan(0, _length), continued: false);
        _length = 0;
    }
}
