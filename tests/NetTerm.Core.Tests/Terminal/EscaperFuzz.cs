namespace NetTerm.Core.Tests.Terminal;

/// <summary>Random text weighted towards the characters the escaper must handle.</summary>
internal static class EscaperFuzz
{
    private static readonly char[] Interesting =
    [
        '\0', '\t', '\n', '\r', '\u001b', '\u0007', '\u007f', '\u0080', '\u0085', '\u009b', '\u009f', '\u00a0', '\u00ad',
        '\u061c', '\u200b', '\u200d', '\u200e', '\u2028', '\u202a', '\u202e', '\u2060', '\u2066', '\u2069', '\ufeff',
        '\ud83d', '\ude00', 'a', ' ', '\\', 'é', '\ufffd',
    ];

    public static string RandomText(Random random)
    {
        var chars = new char[random.Next(0, 40)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(4) switch
            {
                0 => Interesting[random.Next(Interesting.Length)],
                1 => (char)random.Next(0, 0x100),
                2 => (char)random.Next(0, 0x10000),
                _ => (char)random.Next(0x20, 0x7f),
            };
        }

        return new string(chars);
    }
}
