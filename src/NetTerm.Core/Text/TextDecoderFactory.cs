using System.Globalization;
using System.Text;

namespace NetTerm.Core.Text;

/// <summary>Resolves <c>--charset</c> names to encodings: a lenient one for decoding what the peer sends (invalid
/// bytes become U+FFFD) and one for encoding what the user sends (unmappable characters become '?').</summary>
public static class TextDecoderFactory
{
    /// <summary>The charset used when none is given.</summary>
    public const string DefaultCharset = "utf-8";

    /// <summary>The names users most often need; quoted in the error for an unknown name.</summary>
    public const string CommonCharsets = "utf-8 (default), latin1, cp437, cp850, cp1252, ascii";

    // The legacy code pages (437, 850, 1252, ...) ship in the shared framework but are not visible to
    // Encoding.GetEncoding until the provider is registered. Registration is process-wide and idempotent.
    private static readonly bool CodePagesRegistered = RegisterCodePages();

    /// <summary>An encoding whose decoder turns invalid or unmappable bytes into U+FFFD and never throws.</summary>
    /// <exception cref="ArgumentException">The name is not a known charset.</exception>
    public static Encoding GetDecodingEncoding(string? charset) =>
        Resolve(charset, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));

    /// <summary>An encoding for text the user sends: characters the charset cannot represent become '?'.</summary>
    /// <exception cref="ArgumentException">The name is not a known charset.</exception>
    public static Encoding GetSendingEncoding(string? charset) =>
        Resolve(charset, new EncoderReplacementFallback("?"), new DecoderReplacementFallback("\uFFFD"));

    /// <summary>A stateful decoder for the peer's byte stream in the given charset.</summary>
    /// <exception cref="ArgumentException">The name is not a known charset.</exception>
    public static StreamingTextDecoder CreateDecoder(string? charset) => new(GetDecodingEncoding(charset));

    private static Encoding Resolve(string? charset, EncoderFallback encoderFallback, DecoderFallback decoderFallback)
    {
        _ = CodePagesRegistered;
        var name = string.IsNullOrWhiteSpace(charset) ? DefaultCharset : charset.Trim();
        var canonical = name.ToUpperInvariant().Replace("_", "-", StringComparison.Ordinal) switch
        {
            // UTF8Encoding without a BOM: a preamble must never be sent to a peer or written to a transcript.
            "UTF-8" or "UTF8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            "LATIN1" or "LATIN-1" or "ISO-8859-1" or "ISO8859-1" => Encoding.Latin1,
            "ASCII" or "US-ASCII" => Encoding.ASCII,
            _ => null,
        };
        try
        {
            if (canonical is not null)
                return WithFallbacks(canonical, encoderFallback, decoderFallback);
            if (TryParseCodePage(name, out var codePage))
                return Encoding.GetEncoding(codePage, encoderFallback, decoderFallback);
            return Encoding.GetEncoding(name, encoderFallback, decoderFallback);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // UTF-7 and unknown names land here; one line the CLI can print as is.
            throw new ArgumentException(
                $"Unknown charset '{name}'. Common charsets: {CommonCharsets}; any name .NET knows (e.g. windows-1251, koi8-r) also works.",
                ex);
        }
    }

    private static Encoding WithFallbacks(Encoding encoding, EncoderFallback encoderFallback, DecoderFallback decoderFallback)
    {
        var clone = (Encoding)encoding.Clone();
        clone.EncoderFallback = encoderFallback;
        clone.DecoderFallback = decoderFallback;
        return clone;
    }

    // "cp437", "cp-850", "ibm437" and "windows-1252" style names; Encoding.GetEncoding does not know the "cp" prefix.
    private static bool TryParseCodePage(string name, out int codePage)
    {
        codePage = 0;
        ReadOnlySpan<char> digits;
        if (name.StartsWith("cp", StringComparison.OrdinalIgnoreCase))
            digits = name.AsSpan(2).TrimStart('-');
        else if (name.StartsWith("ibm", StringComparison.OrdinalIgnoreCase))
            digits = name.AsSpan(3).TrimStart('-');
        else
            return false;
        return !digits.IsEmpty
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out codePage)
            && codePage > 0;
    }

    private static bool RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }
}
