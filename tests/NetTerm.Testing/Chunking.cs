namespace NetTerm.Testing;

/// <summary>How a test feeds a byte stream to a parser, to prove state survives read boundaries.</summary>
public enum Chunking
{
    /// <summary>One chunk with everything.</summary>
    Whole,

    /// <summary>A new chunk after every LF and before every 0xFF byte. For text protocols (SMTP, ANSI) that is one
    /// line per chunk, since UTF-8 never contains 0xFF; for telnet every IAC sequence starts a chunk, so chunks end
    /// after complete sequences and IAC IAC is split between its two bytes.</summary>
    PerLine,

    /// <summary>One byte per chunk.</summary>
    PerByte,
}
