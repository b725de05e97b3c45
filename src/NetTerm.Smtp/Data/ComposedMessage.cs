using MimeKit;

namespace NetTerm.Smtp.Data;

/// <summary>An RFC 5322 message ready for DATA: CRLF line ends, not yet dot-stuffed.</summary>
/// <param name="Bytes">The message octets.</param>
/// <param name="MessageId">The Message-ID, without angle brackets.</param>
/// <param name="Date">The Date header's value.</param>
/// <param name="BodyEncoding">The body's Content-Transfer-Encoding.</param>
internal sealed record ComposedMessage(ReadOnlyMemory<byte> Bytes, string MessageId, DateTimeOffset Date, ContentEncoding BodyEncoding)
{
    /// <summary>The size to declare with MAIL FROM's SIZE= (RFC 1870: the message as sent, before stuffing).</summary>
    public int OctetCount => Bytes.Length;

    /// <summary>True when any octet is ≥ 0x80, in headers (a UTF-8 address cannot be RFC 2047-encoded) or body:
    /// without 8BITMIME (RFC 6152) the profile warns before sending.</summary>
    public bool Is8Bit => MessageComposer.Is8Bit(Bytes.Span);
}
