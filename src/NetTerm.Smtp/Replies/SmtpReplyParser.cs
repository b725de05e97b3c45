using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NetTerm.Smtp.Replies;

/// <summary>
/// Sans-I/O, incremental SMTP reply parser (RFC 5321 §4.2). Feed it whatever the socket returned; it consumes bytes
/// only up to the end of one reply, so the caller knows exactly which bytes follow that reply. That matters for
/// STARTTLS: anything after the 220 is an injection attempt (RFC 3207 §4.2), and it must stay unconsumed.
/// </summary>
/// <remarks>
/// <para>Grammar: three digits, then '-' (more lines follow), ' ' or the end of the line (last line). Lines end in
/// CRLF; a bare LF is accepted and flagged; a lone CR inside a line is data.</para>
/// <para>Violations never desynchronise the stream: a line that is not three digits is a one-line reply of its
/// own (<see cref="SmtpReplyFlags.NonNumeric"/>); if a multi-line reply was open it is ended first and flagged
/// <see cref="SmtpReplyFlags.MismatchedCodes"/>. A line with a digit code but another separator ends the reply
/// (<see cref="SmtpReplyFlags.BadSeparator"/>), since only '-' promises more lines.</para>
/// <para>Bounds: one reply keeps at most <see cref="MaxReplyBytes"/> bytes of text (the rest is read and dropped
/// up to each LF) and <see cref="MaxLines"/> lines. Lines after the 1000th are consumed and counted but not kept,
/// and the reply still ends at its real last line: splitting it into several replies would make the following
/// lines look like answers to the next commands.</para>
/// </remarks>
internal sealed class SmtpReplyParser
{
    /// <summary>Lines longer than this (without CRLF) are flagged; RFC 5321 allows 512 including the code.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>Most text bytes one reply keeps; it bounds the parser's memory.</summary>
    public const int MaxReplyBytes = 64 * 1024;

    /// <summary>Most lines one reply keeps.</summary>
    public const int MaxLines = 1000;

    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';
    private const int InitialCapacity = 512;
    private const int PrefixLength = 4;

    private readonly byte[] _prefix = new byte[PrefixLength];
    private readonly List<(int Start, int Length)> _lines = [];
    private byte[] _buffer = new byte[InitialCapacity];
    private int _bufferLength;

    // The line being read: its first bytes (kept even when the text budget is spent, so the code is never lost),
    // its raw length so far, where its text starts in _buffer, and whether its last byte was CR.
    private int _prefixLength;
    private long _lineLength;
    private int _lineStart;
    private bool _lastWasCr;

    // The reply being read.
    private bool _open;
    private int _code;
    private SmtpReplyFlags _flags;
    private long _replyBytes;
    private int _lineCount;

    // A non-numeric line that ended an open multi-line reply: both are complete, but TryParse returns one at a time.
    private SmtpReply? _queued;

    /// <summary>Bytes of reply text held while waiting for the rest of the reply.</summary>
    internal int BufferedLength => _bufferLength;

    /// <summary>Size of the internal buffer; never more than <see cref="MaxReplyBytes"/>.</summary>
    internal int BufferCapacity => _buffer.Length;

    /// <summary>True when the parser holds nothing: no partial line, no open reply, no queued reply. After the 220
    /// to STARTTLS, the stream is clean only if the input is exhausted and the parser is idle.</summary>
    public bool IsIdle => _queued is null && !_open && _lineLength == 0;

    /// <summary>
    /// Consumes bytes from <paramref name="data"/> until one reply is complete or the data is exhausted.
    /// </summary>
    /// <returns>True with the reply, <paramref name="data"/> then starting right after the reply's final LF (or,
    /// for a reply queued behind another, unchanged); false when more bytes are needed, everything consumed and
    /// held in the parser.</returns>
    public bool TryParse(ref ReadOnlySpan<byte> data, [NotNullWhen(true)] out SmtpReply? reply)
    {
        if (_queued is not null)
        {
            reply = _queued;
            _queued = null;
            return true;
        }

        while (!data.IsEmpty)
        {
            var lf = data.IndexOf(Lf);
            if (lf < 0)
            {
                Append(data);
                data = data[data.Length..];
                break;
            }

            Append(data[..lf]);
            data = data[(lf + 1)..];
            reply = EndLine();
            if (reply is not null)
            {
                return true;
            }
        }

        reply = null;
        return false;
    }

    /// <summary>Forgets everything held, for a new stream (after the TLS handshake).</summary>
    public void Reset()
    {
        _queued = null;
        ResetReply();
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (_prefixLength < PrefixLength)
        {
            var n = Math.Min(PrefixLength - _prefixLength, bytes.Length);
            bytes[..n].CopyTo(_prefix.AsSpan(_prefixLength));
            _prefixLength += n;
        }

        _lineLength += bytes.Length;
        _lastWasCr = bytes[^1] == Cr;

        // Once the budget is spent nothing more is stored until the reply ends, so kept text never has a gap.
        var take = Math.Min(MaxReplyBytes - _bufferLength, bytes.Length);
        if (take > 0)
        {
            EnsureCapacity(_bufferLength + take);
            bytes[..take].CopyTo(_buffer.AsSpan(_bufferLength));
            _bufferLength += take;
        }
    }

    private void EnsureCapacity(int needed)
    {
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(Math.Max(needed, _buffer.Length * 2), MaxReplyBytes));
        }
    }

    private SmtpReply? EndLine()
    {
        var bareLf = !_lastWasCr;
        var contentLength = _lineLength - (bareLf ? 0 : 1);
        var stored = _bufferLength - _lineStart;
        if (stored > contentLength)
        {
            stored = (int)contentLength; // the CR of CRLF was stored; it is not text
        }

        _bufferLength = _lineStart + stored;
        var lineFlags = bareLf ? SmtpReplyFlags.BareLf : SmtpReplyFlags.None;
        if (contentLength > MaxLineLength)
        {
            lineFlags |= SmtpReplyFlags.LineTooLong;
        }

        if (stored < contentLength)
        {
            lineFlags |= SmtpReplyFlags.Truncated;
        }

        var lineBytes = _lineLength + 1;
        var kind = Classify(contentLength, out var code, out var textOffset);
        SmtpReply? result = null;
        if (kind == ReplyLineKind.NonNumeric)
        {
            var single = new SmtpReply(
                0, [Decode(_lineStart, stored)], null, lineFlags | SmtpReplyFlags.NonNumeric, lineBytes, 1);
            if (_open)
            {
                _bufferLength = _lineStart;
                _flags |= SmtpReplyFlags.MismatchedCodes;
                result = CompleteReply();
                _queued = single;
            }
            else
            {
                ResetReply();
                result = single;
            }
        }
        else
        {
            if (!_open)
            {
                _code = code;
            }
            else if (code != _code)
            {
                _flags |= SmtpReplyFlags.MismatchedCodes;
            }

            _flags |= lineFlags | (kind == ReplyLineKind.BadSeparator ? SmtpReplyFlags.BadSeparator : 0);
            _replyBytes += lineBytes;
            _lineCount++;
            if (_lineCount <= MaxLines)
            {
                var skip = Math.Min(textOffset, stored);
                _lines.Add((_lineStart + skip, stored - skip));
            }
            else
            {
                _flags |= SmtpReplyFlags.TooManyLines;
                _bufferLength = _lineStart;
            }

            if (kind == ReplyLineKind.Continuation)
            {
                _open = true;
            }
            else
            {
                result = CompleteReply();
            }
        }

        StartLine();
        return result;
    }

    private ReplyLineKind Classify(long contentLength, out int code, out int textOffset)
    {
        code = 0;
        textOffset = 0;
        if (contentLength < 3 || !char.IsAsciiDigit((char)_prefix[0]) || !char.IsAsciiDigit((char)_prefix[1]) ||
            !char.IsAsciiDigit((char)_prefix[2]))
        {
            return ReplyLineKind.NonNumeric;
        }

        code = ((_prefix[0] - '0') * 100) + ((_prefix[1] - '0') * 10) + (_prefix[2] - '0');
        if (contentLength == 3)
        {
            textOffset = 3;
            return ReplyLineKind.Last;
        }

        textOffset = 4;
        switch (_prefix[3])
        {
            case (byte)' ':
                return ReplyLineKind.Last;
            case (byte)'-':
                return ReplyLineKind.Continuation;
            default:
                textOffset = 3; // keep the odd separator as text so the person sees it
                return ReplyLineKind.BadSeparator;
        }
    }

    private SmtpReply CompleteReply()
    {
        var lines = new string[_lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Decode(_lines[i].Start, _lines[i].Length);
        }

        EnhancedStatusCode? enhanced = null;
        if (lines.Length > 0 && EnhancedStatusCode.TryParsePrefix(lines[0], out var parsed, out _))
        {
            enhanced = parsed;
        }

        var reply = new SmtpReply(_code, lines, enhanced, _flags, _replyBytes, _lineCount);
        ResetReply();
        return reply;
    }

    // Invalid UTF-8 becomes U+FFFD (Encoding.UTF8 replaces, it never throws), as does a character cut by the cap.
    private string Decode(int start, int length) => Encoding.UTF8.GetString(_buffer, start, length);

    private void ResetReply()
    {
        _open = false;
        _code = 0;
        _flags = SmtpReplyFlags.None;
        _replyBytes = 0;
        _lineCount = 0;
        _lines.Clear();
        _bufferLength = 0;
        StartLine();
    }

    private void StartLine()
    {
        _lineStart = _bufferLength;
        _lineLength = 0;
        _prefixLength = 0;
        _lastWasCr = false;
    }
}
