using CsCheck;

namespace NetTerm.Testing.Fuzzing;

/// <summary>Server text built to attack a terminal, and the test of what must never reach one.</summary>
public static class Hostile
{
    /// <summary>Escape introducers, their parameters and finals, C0/C1 controls, bidi and invisible characters,
    /// mixed with plain text.</summary>
    public static Gen<string> Text(int maxLength) =>
        Gen.Frequency<char>(
            (4, Gen.OneOf('\u001b', '[', ']', 'P', '_', '^', '\\', ';', '?', '0', '1', '2', '5', '8', '9', 'm', 'K', 'C', 'D', 'H', 'J', 'c', 'n', 't')),
            (2, Gen.OneOf('\a', '\b', '\r', '\n', '\t', '\u0000', '\u007f', '\u0085', '\u009b', '\u009d', '\u0090', '\u009c')),
            (1, Gen.OneOf('\u202e', '\u202a', '\u2066', '\u2069', '\u200b', '\u200f', '\ufeff', '\u061c', '\u00ad')),
            (3, Gen.Char['a', 'z']),
            (1, Gen.Char))
        .Array[0, maxLength]
        .Select(chars => new string(chars));

    /// <summary>True for what may not be shown raw: C0 and C1 controls, DEL, bidi controls and zero-width or
    /// invisible format characters.</summary>
    public static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f'
        || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or >= '\u200b' and <= '\u200f'
        || c is '\ufeff' or '\u061c' or '\u00ad' or '\u2028' or '\u2029';
}
