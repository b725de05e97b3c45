using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NetTerm.Smtp.Replies;

/// <summary>An RFC 3463 enhanced mail system status code: class "." subject "." detail, where class is 2, 4 or 5
/// and subject and detail are 1 to 3 digits.</summary>
internal readonly record struct EnhancedStatusCode
{
    private const int MaxDigits = 3;

    public EnhancedStatusCode(int @class, int subject, int detail)
    {
        if (@class is not (2 or 4 or 5))
        {
            throw new ArgumentOutOfRangeException(nameof(@class), @class, "The class is 2, 4 or 5.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(subject);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subject, 999);
        ArgumentOutOfRangeException.ThrowIfNegative(detail);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(detail, 999);
        Class = @class;
        Subject = subject;
        Detail = detail;
    }

    public int Class { get; }

    public int Subject { get; }

    public int Detail { get; }

    /// <summary>Parses exactly a code such as "5.7.1".</summary>
    /// <exception cref="FormatException">The text is not a code.</exception>
    public static EnhancedStatusCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not an enhanced status code.");
    }

    /// <summary>Parses exactly a code such as "5.7.1"; nothing may precede or follow it.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EnhancedStatusCode code) =>
        TryParse(text.AsSpan(), out code) && text is not null;

    /// <inheritdoc cref="TryParse(string?, out EnhancedStatusCode)"/>
    public static bool TryParse(ReadOnlySpan<char> text, out EnhancedStatusCode code)
    {
        if (TryParsePrefix(text, out code, out var length) && length == text.Length)
        {
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>Parses a code at the start of reply text. It must be followed by the end of the text or by white
    /// space, so "2.0.0 Ok" has one and "2.0.0Ok" or "1.2.3.4" do not.</summary>
    public static bool TryParsePrefix(ReadOnlySpan<char> text, out EnhancedStatusCode code, out int length)
    {
        code = default;
        length = 0;
        if (text.Length < 5 || text[0] is not ('2' or '4' or '5') || text[1] != '.')
        {
            return false;
        }

        var position = 2;
        if (!TryReadNumber(text, ref position, out var subject) || position >= text.Length || text[position] != '.')
        {
            return false;
        }

        position++;
        if (!TryReadNumber(text, ref position, out var detail))
        {
            return false;
        }

        if (position < text.Length && !char.IsWhiteSpace(text[position]))
        {
            return false;
        }

        code = new EnhancedStatusCode(text[0] - '0', subject, detail);
        length = position;
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Class}.{Subject}.{Detail}");

    private static bool TryReadNumber(ReadOnlySpan<char> text, ref int position, out int value)
    {
        value = 0;
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            if (position - start == MaxDigits)
            {
                return false;
            }

            value = (value * 10) + (text[position] - '0');
            position++;
        }

        return position > start;
    }
}
