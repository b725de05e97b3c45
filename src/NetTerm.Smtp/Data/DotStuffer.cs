using System.Buffers;

namespace NetTerm.Smtp.Data;

/// <summary>
/// DATA framing (RFC 5321 §4.5.2): a line that starts with "." gets a second "."; line ends become CRLF, because a
/// bare LF or bare CR must not be sent (§2.3.8) and a server may read either as a line end; the message ends with
/// CRLF so that ".\r\n" is a line of its own.
/// <para>An instance streams: feed chunks in order to <see cref="StuffMessage"/>, then call
/// <see cref="Complete"/> once. It keeps "at line start" and "just wrote CR" across calls, so a "." that begins a
/// line in the next chunk is stuffed and a CRLF split between chunks stays one line end.</para>
/// </summary>
internal sealed class DotStuffer
{
    /// <summary>The end-of-data line.</summary>
    public static ReadOnlySpan<byte> Terminator => ".\r\n"u8;

    private static readonly SearchValues<byte> LineBreaks = SearchValues.Create("\r\n"u8);

    private readonly bool _appendTerminator;
    private bool _atLineStart = true;
    private bool _afterCr;
    private bool _completed;

    /// <param name="appendTerminator">Whether <see cref="Complete"/> writes ".\r\n" after the message.</param>
    public DotStuffer(bool appendTerminator = false) => _appendTerminator = appendTerminator;

    /// <summary>Stuffs one chunk of the message into <paramref name="output"/>.</summary>
    public void StuffMessage(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_completed, this);
        while (!chunk.IsEmpty)
        {
            var b = chunk[0];
            if (b == (byte)'\n' && _afterCr)
            {
                // The LF of a CRLF whose CR ended the previous run (or chunk): the CRLF is already written.
                _afterCr = false;
                chunk = chunk[1..];
                continue;
            }

            _afterCr = false;
            if (b is (byte)'\r' or (byte)'\n')
            {
                Write(output, "\r\n"u8);
                _afterCr = b == (byte)'\r';
                _atLineStart = true;
                chunk = chunk[1..];
                continue;
            }

            if (_atLineStart && b == (byte)'.')
                Write(output, "."u8);
            _atLineStart = false;
            var run = chunk.IndexOfAny(LineBreaks);
            if (run < 0)
                run = chunk.Length;
            Write(output, chunk[..run]);
            chunk = chunk[run..];
        }
    }

    /// <summary>Ends the message: a CRLF if the last line is unterminated, then ".\r\n" when the instance was
    /// made with appendTerminator. The instance cannot be used afterwards.</summary>
    public void Complete(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        if (!_atLineStart)
            Write(output, "\r\n"u8);
        if (_appendTerminator)
            Write(output, Terminator);
    }

    /// <summary>The whole <paramref name="message"/>, stuffed, in one call.</summary>
    public static byte[] StuffMessage(ReadOnlySpan<byte> message, bool appendTerminator = false)
    {
        var output = new ArrayBufferWriter<byte>(message.Length + 64);
        var stuffer = new DotStuffer(appendTerminator);
        stuffer.StuffMessage(message, output);
        stuffer.Complete(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>One line (without its line end) as it goes on the wire: a leading "." doubled.</summary>
    public static string Stuff(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.StartsWith('.') ? "." + line : line;
    }

    /// <summary>One received DATA line (without its line end) as it was meant: the first "." removed from a
    /// line that starts with one and has more after it. A lone "." is the terminator, not content; it is
    /// returned unchanged and the caller must check for it first.</summary>
    public static string Unstuff(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length > 1 && line[0] == '.' ? line[1..] : line;
    }

    /// <summary>
    /// The message carried by stuffed DATA bytes: CRLF-separated lines, each unstuffed, up to the ".\r\n" line if
    /// present (what follows it is not part of the message and is ignored). For the sandbox server and for tests.
    /// </summary>
    public static byte[] UnstuffMessage(ReadOnlySpan<byte> data)
    {
        var output = new ArrayBufferWriter<byte>(data.Length);
        while (!data.IsEmpty)
        {
            var end = data.IndexOf("\r\n"u8);
            var line = end < 0 ? data : data[..end];
            if (line.SequenceEqual("."u8))
                break;
            if (line.Length > 0 && line[0] == (byte)'.')
                line = line[1..];
            Write(output, line);
            if (end < 0)
                break;
            Write(output, "\r\n"u8);
            data = data[(end + 2)..];
        }

        return output.WrittenSpan.ToArray();
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return;
        var span = output.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        output.Advance(bytes.Length);
    }
}
