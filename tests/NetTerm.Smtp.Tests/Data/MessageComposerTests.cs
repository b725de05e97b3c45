using System.Text;
using MimeKit;
using NetTerm.Smtp.Data;

namespace NetTerm.Smtp.Tests.Data;

public sealed class MessageComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 15, 9, 26, TimeSpan.Zero);

    private static ComposeRequest Request(string body = "Hello.\nSecond line.", bool allow8Bit = false, string subject = "Test") =>
        new(
            "Alice <alice@example.com>",
            ["bob@example.net", "Carol <carol@example.org>"],
            ["dave@example.com"],
            subject,
            body,
            [new("X-Test-Run", "42")],
            allow8Bit);

    private static MessageComposer Composer() => new(new FixedTime(Now));

    private static MimeMessage Parse(ComposedMessage composed)
    {
        using var stream = new MemoryStream(composed.Bytes.ToArray());
        return MimeMessage.Load(stream);
    }

    private static string TextOf(MimeMessage message) => Assert.IsType<TextPart>(message.Body).Text;

    [Fact]
    public void Compose_Basic_ParsesBackWithAllFields()
    {
        var composed = Composer().Compose(Request());

        var parsed = Parse(composed);

        Assert.Equal("alice@example.com", Assert.Single(parsed.From.Mailboxes).Address);
        Assert.Equal(["bob@example.net", "carol@example.org"], parsed.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("dave@example.com", Assert.Single(parsed.Cc.Mailboxes).Address);
        Assert.Equal("Test", parsed.Subject);
        Assert.Equal(Now, parsed.Date);
        Assert.Equal(Now, composed.Date);
        Assert.False(string.IsNullOrEmpty(parsed.MessageId));
        Assert.Equal(composed.MessageId, parsed.MessageId);
        Assert.EndsWith("@example.com", parsed.MessageId, StringComparison.Ordinal);
        Assert.Equal("42", parsed.Headers["X-Test-Run"]);
        Assert.Equal("Hello.\nSecond line.\n", TextOf(parsed).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_BodyWithoutFinalLineEnd_EndsWithHardLineBreak()
    {
        var composed = Composer().Compose(Request("Grüße", allow8Bit: false));

        Assert.True(composed.Bytes.Span.EndsWith("Gr=C3=BC=C3=9Fe\r\n"u8));
    }

    [Fact]
    public void Compose_UnicodeLineSeparators_KeptAsText()
    {
        var parsed = Parse(Composer().Compose(Request("a\u2028b\u0085c\fd", allow8Bit: true)));

        // Compared with CRLF folded to LF only: ReplaceLineEndings would itself rewrite LS and NEL.
        Assert.Equal("a\u2028b\u0085c\fd\n", TextOf(parsed).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_Twice_DifferentMessageIds()
    {
        Assert.NotEqual(Composer().Compose(Request()).MessageId, Composer().Compose(Request()).MessageId);
    }

    [Theory]
    [InlineData("a\nb\rc\r\nd")]
    [InlineData("Grüße\n\näöü")]
    [InlineData("")]
    public void Compose_AnyLineEnds_OutputHasCrlfOnly(string body)
    {
        var bytes = Composer().Compose(Request(body)).Bytes.Span;

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
                Assert.True(i > 0 && bytes[i - 1] == (byte)'\r', $"bare LF at {i}");
            if (bytes[i] == (byte)'\r')
                Assert.True(i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n', $"bare CR at {i}");
        }

        Assert.True(bytes.EndsWith("\r\n"u8));
    }

    [Fact]
    public void Compose_AsciiBody_SevenBitAndNot8Bit()
    {
        var composed = Composer().Compose(Request("plain ascii"));

        Assert.Equal(ContentEncoding.SevenBit, composed.BodyEncoding);
        Assert.False(composed.Is8Bit);
        Assert.Equal("utf-8", Parse(composed).Body!.ContentType.Charset);
        Assert.Equal(composed.Bytes.Length, composed.OctetCount);
    }

    [Fact]
    public void Compose_NonAsciiBodyAllowed8Bit_EightBitAndDetected()
    {
        var composed = Composer().Compose(Request("Grüße aus Köln", allow8Bit: true));

        Assert.Equal(ContentEncoding.EightBit, composed.BodyEncoding);
        Assert.True(composed.Is8Bit);
        Assert.Contains("Grüße aus Köln", Encoding.UTF8.GetString(composed.Bytes.Span), StringComparison.Ordinal);
        Assert.Equal("Grüße aus Köln", TextOf(Parse(composed)).TrimEnd());
    }

    [Fact]
    public void Compose_NonAsciiBodyWithout8BitMime_QuotedPrintableAnd7Bit()
    {
        var composed = Composer().Compose(Request("Grüße aus Köln", allow8Bit: false));

        Assert.Equal(ContentEncoding.QuotedPrintable, composed.BodyEncoding);
        Assert.False(composed.Is8Bit);
        Assert.Contains("Gr=C3=BC=C3=9Fe", Encoding.ASCII.GetString(composed.Bytes.Span), StringComparison.Ordinal);
        Assert.Equal("Grüße aus Köln", TextOf(Parse(composed)).TrimEnd());
    }

    [Fact]
    public void Compose_LineOver998Octets_QuotedPrintableEvenWith8Bit()
    {
        var body = new string('x', 2000);

        var composed = Composer().Compose(Request(body, allow8Bit: true));

        Assert.Equal(ContentEncoding.QuotedPrintable, composed.BodyEncoding);
        Assert.Equal(body, TextOf(Parse(composed)).TrimEnd());
        foreach (var line in Encoding.ASCII.GetString(composed.Bytes.Span).Split("\r\n"))
            Assert.True(line.Length <= 998);
    }

    [Fact]
    public void Compose_NonAsciiSubjectAndName_EncodedWords7Bit()
    {
        var request = Request(subject: "Prüfung ✓") with { From = "Jürgen <j@example.com>" };

        var composed = Composer().Compose(request);

        Assert.False(composed.Is8Bit);
        var parsed = Parse(composed);
        Assert.Equal("Prüfung ✓", parsed.Subject);
        Assert.Equal("Jürgen", Assert.Single(parsed.From.Mailboxes).Name);
    }

    [Fact]
    public void Compose_ExtraMessageIdHeader_ReplacesGenerated()
    {
        var request = Request() with { ExtraHeaders = [new("Message-ID", "<fixed@test.example>")] };

        var parsed = Parse(Composer().Compose(request));

        Assert.Equal("fixed@test.example", parsed.MessageId);
        Assert.Single(parsed.Headers, h => h.Id == HeaderId.MessageId);
    }

    [Fact]
    public void Compose_BodyLineStartingWithDot_NotStuffedYet()
    {
        var composed = Composer().Compose(Request(".hidden\n.\nend"));

        var text = Encoding.ASCII.GetString(composed.Bytes.Span);
        Assert.Contains("\r\n.hidden\r\n.\r\nend", text, StringComparison.Ordinal);
        var roundTrip = DotStuffer.UnstuffMessage(DotStuffer.StuffMessage(composed.Bytes.Span, appendTerminator: true));
        Assert.Equal(composed.Bytes.ToArray(), roundTrip);
    }

    [Theory]
    [InlineData("not an address <<", "From")]
    public void Compose_InvalidFrom_FormatExceptionNamesField(string from, string field)
    {
        var ex = Assert.Throws<FormatException>(() => Composer().Compose(Request() with { From = from }));

        Assert.StartsWith(field + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_HeaderValueWithNewline_Throws()
    {
        var request = Request() with { ExtraHeaders = [new("X-Evil", "a\r\nBcc: victim@example.com")] };

        Assert.Throws<ArgumentException>(() => Composer().Compose(request));
    }

    [Fact]
    public void Compose_NoRecipients_Throws()
    {
        Assert.Throws<ArgumentException>(() => Composer().Compose(Request() with { To = [] }));
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0x7F }, false)]
    [InlineData(new byte[] { 0x41, 0x80 }, true)]
    [InlineData(new byte[] { 0xFF }, true)]
    [InlineData(new byte[0], false)]
    public void Is8Bit_Octets_DetectsHighBit(byte[] octets, bool expected)
    {
        Assert.Equal(expected, MessageComposer.Is8Bit(octets));
    }

    [Fact]
    public void EnvelopeMismatch_SameAddresses_Null()
    {
        Assert.Null(MessageComposer.EnvelopeMismatch(
            "<Alice@Example.com>",
            ["<bob@example.net>", "carol@example.org"],
            "Alice <alice@example.com>",
            ["Bob <bob@example.net>, carol@example.org"]));
    }

    [Fact]
    public void EnvelopeMismatch_DifferentFrom_ExplainsSpoofing()
    {
        var note = MessageComposer.EnvelopeMismatch(
            "<bounce@mailer.example>", ["bob@example.net"], "CEO <ceo@bank.example>", ["bob@example.net"]);

        Assert.NotNull(note);
        Assert.Contains("ceo@bank.example", note, StringComparison.Ordinal);
        Assert.Contains("bounce@mailer.example", note, StringComparison.Ordinal);
        Assert.Contains("recipients see the header From", note, StringComparison.Ordinal);
        Assert.Contains("spoofing", note, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvelopeMismatch_ExtraAndMissingRecipients_NamesBoth()
    {
        var note = MessageComposer.EnvelopeMismatch(
            "a@example.com", ["bob@example.net", "hidden@example.org"], "a@example.com", ["bob@example.net", "shown@example.org"]);

        Assert.NotNull(note);
        Assert.Contains("RCPT TO hidden@example.org not in header To", note, StringComparison.Ordinal);
        Assert.Contains("Header To shown@example.org not in RCPT TO", note, StringComparison.Ordinal);
        Assert.DoesNotContain("Header From", note, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvelopeMismatch_NullReversePath_Noted()
    {
        var note = MessageComposer.EnvelopeMismatch("<>", ["b@example.net"], "a@example.com", ["b@example.net"]);

        Assert.NotNull(note);
        Assert.Contains("MAIL FROM <>", note, StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
