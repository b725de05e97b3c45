using System.Text;
using CsCheck;
using NetTerm.Smtp.Auth;
using NetTerm.Smtp.Data;
using NetTerm.Smtp.Replies;
using NetTerm.Testing.Fuzzing;

namespace NetTerm.Smtp.Tests.Properties;

/// <summary>Issue 6 invariants over generated input: the reply parser never throws, keeps its bounds and gives the
/// same replies under any chunking; dot-stuffing and the SASL encoders round-trip.</summary>
public sealed class SmtpProperties
{
    private static string Describe(SmtpReply r) => $"{r.Code}|{r.Flags}|{string.Join('\u0001', r.Lines)}";

    private static List<string> ParseAll(SmtpReplyParser parser, byte[] bytes, int chunk)
    {
        var replies = new List<string>();
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            ReadOnlySpan<byte> rest = bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i));
            while (parser.TryParse(ref rest, out var reply))
            {
                replies.Add(Describe(reply));
            }

            if (parser.BufferCapacity > SmtpReplyParser.MaxReplyBytes)
            {
                throw new InvalidOperationException($"the parser holds {parser.BufferCapacity} bytes");
            }
        }

        return replies;
    }

    [Fact]
    public void ReplyParser_HostileBytesAnyChunking_NeverThrowsBoundedSameReplies()
    {
        var gen = Fuzz.HostileBytes(700, (byte)'2', (byte)'5', (byte)'0', (byte)'-', (byte)' ', (byte)'\r', (byte)'\n', (byte)'4', (byte)'x', (byte)'.')
            .Select(Gen.Int[1, 13], (bytes, chunk) => (bytes, chunk));
        Fuzz.Check(gen, t =>
        {
            var whole = ParseAll(new SmtpReplyParser(), t.bytes, Math.Max(1, t.bytes.Length));
            var pieces = ParseAll(new SmtpReplyParser(), t.bytes, t.chunk);
            if (!whole.SequenceEqual(pieces))
            {
                throw new InvalidOperationException($"chunks of {t.chunk} changed the replies for {Convert.ToHexString(t.bytes)}");
            }
        }, "smtp reply parser");
    }

    [Fact]
    public void DotStuffer_AnyMessage_UnstuffOfStuffIsTheMessage()
    {
        var line = Gen.OneOf<char>('.', '.', 'a', ' ', '\t', 'é').Array[0, 12].Select(c => new string(c));
        var gen = line.Array[0, 20].Select(lines => string.Concat(lines.Select(l => l + "\r\n")));
        Fuzz.Check(gen, message =>
        {
            var bytes = Encoding.UTF8.GetBytes(message);
            var stuffed = DotStuffer.StuffMessage(bytes, appendTerminator: true);
            var back = DotStuffer.UnstuffMessage(stuffed);
            if (!back.AsSpan().SequenceEqual(bytes))
            {
                throw new InvalidOperationException($"round trip changed {Convert.ToHexString(bytes)} into {Convert.ToHexString(back)}");
            }
        }, "dot-stuffer");
    }

    [Fact]
    public void SaslPlain_AnyCredentials_DecodeOfEncodeGivesThemBack()
    {
        var text = Gen.String[Gen.Char.Where(c => c != '\0' && !char.IsSurrogate(c)), 1, 40];
        Fuzz.Check(Gen.Select(text, text, text), t =>
        {
            var (user, password, authzid) = t;
            var encoded = SaslPlain.Encode(user, password, authzid);
            if (!SaslPlain.TryDecode(encoded, out var parts, out var error) || parts.User != user || parts.Password != password || parts.Authzid != authzid)
            {
                throw new InvalidOperationException($"PLAIN round trip failed: {error}");
            }

            var login = SaslLogin.EncodeUser(user);
            if (Encoding.UTF8.GetString(Convert.FromBase64String(login)) != user)
            {
                throw new InvalidOperationException("LOGIN user round trip failed");
            }
        }, "sasl encoders");
    }
}
