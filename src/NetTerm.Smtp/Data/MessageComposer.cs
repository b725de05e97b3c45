using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace NetTerm.Smtp.Data;

/// <summary>
/// Builds the message for the Compose form with MimeKit: From, To, Cc, Subject, a text/plain UTF-8 body, extra
/// headers, Date and Message-ID, written with CRLF line ends and headers kept 7-bit (RFC 2047), because 8BITMIME
/// covers bodies only; raw UTF-8 headers would need SMTPUTF8.
/// </summary>
internal sealed partial class MessageComposer
{
    /// <summary>RFC 5322 §2.1.1: a line must not exceed 998 octets plus CRLF; 7bit and 8bit bodies are bound by it.</summary>
    private const int MaxLineOctets = 998;

    private static readonly FormatOptions WireFormat = CreateWireFormat();

    private readonly TimeProvider _time;

    /// <param name="time">The clock for the Date header; the system clock when null.</param>
    public MessageComposer(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>The message for <paramref name="request"/>.</summary>
    /// <exception cref="FormatException">An address does not parse; the message is one line naming the field.</exception>
    /// <exception cref="ArgumentException">A header name is invalid or a header value holds CR or LF.</exception>
    public ComposedMessage Compose(ComposeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.To.Count == 0)
            throw new ArgumentException("at least one To address is required", nameof(request));

        var from = ParseMailbox("From", request.From);
        using var message = new MimeMessage();
        message.From.Add(from);
        foreach (var to in request.To)
            message.To.AddRange(ParseList("To", to));
        foreach (var cc in request.Cc)
            message.Cc.AddRange(ParseList("Cc", cc));
        message.Subject = request.Subject ?? string.Empty;
        message.Date = _time.GetLocalNow();
        message.MessageId = MimeUtils.GenerateMessageId(DomainOf(from));

        var body = NormalizeLineEnds(request.Body ?? string.Empty);
        var encoding = ChooseEncoding(body, request.Allow8Bit);
        var part = new TextPart("plain") { ContentTransferEncoding = encoding };
        // SetText with an explicit encoding labels the part charset=utf-8 and encodes it so, ASCII bodies included.
        part.SetText(Encoding.UTF8, body);
        message.Body = part;

        foreach (var (name, value) in request.ExtraHeaders)
            AddExtraHeader(message, name, value);

        using var stream = new MemoryStream();
        message.WriteTo(WireFormat, stream);
        var date = message.Date;
        return new ComposedMessage(stream.ToArray(), message.MessageId, date, encoding);
    }

    /// <summary>True when any octet is ≥ 0x80.</summary>
    public static bool Is8Bit(ReadOnlySpan<byte> octets) => octets.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>7bit for short ASCII lines; otherwise 8bit when the server allows it and no line is too long;
    /// otherwise quoted-printable, which is readable in a transcript, unlike base64.</summary>
    internal static ContentEncoding ChooseEncoding(string body, bool allow8Bit)
    {
        var ascii = Ascii.IsValid(body);
        var longestLine = 0;
        var rest = body.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny('\r', '\n');
            var line = end < 0 ? rest : rest[..end];
            longestLine = Math.Max(longestLine, ascii ? line.Length : Encoding.UTF8.GetByteCount(line));
            rest = end < 0 ? default : rest[(end + 1)..];
        }

        if (longestLine > MaxLineOctets)
            return ContentEncoding.QuotedPrintable;
        if (ascii)
            return ContentEncoding.SevenBit;
        return allow8Bit ? ContentEncoding.EightBit : ContentEncoding.QuotedPrintable;
    }

    private static void AddExtraHeader(MimeMessage message, string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        // A CR or LF in a value would start a header (or the body) of the user's making without them seeing it.
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            throw new ArgumentException($"header {name}: the value must not contain CR or LF", nameof(message));
        var header = new Header(Encoding.UTF8, name.Trim(), value);
        if (header.Id is HeaderId.Date or HeaderId.MessageId)
            message.Headers.Replace(header);
        else
            message.Headers.Add(header);
    }

    private static MailboxAddress ParseMailbox(string field, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MailboxAddress.TryParse(text, out var mailbox)
            ? mailbox
            : throw new FormatException($"{field}: \"{text}\" is not an address");
    }

    private static InternetAddressList ParseList(string field, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return InternetAddressList.TryParse(text, out var list) && list.Count > 0
            ? list
            : throw new FormatException($"{field}: \"{text}\" is not an address");
    }

    private static string DomainOf(MailboxAddress mailbox)
    {
        var at = mailbox.Address.LastIndexOf('@');
        return at > 0 && at < mailbox.Address.Length - 1 ? mailbox.Address[(at + 1)..] : "localhost";
    }

    /// <summary>CRLF, bare CR and bare LF become CRLF, and a non-empty body ends with CRLF, so that the last line
    /// is a whole line in any transfer encoding (quoted-printable would otherwise end on a soft break "=").
    /// Not <see cref="string.ReplaceLineEndings()"/>: that also rewrites NEL, LS, PS and FF, which are body text,
    /// not line ends, in a mail message.</summary>
    internal static string NormalizeLineEnds(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                builder.Append("\r\n");
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder.Length > 0 && builder[^1] != '\n')
            builder.Append("\r\n");
        return builder.ToString();
    }

    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        options.International = false;
        return options;
    }
}
