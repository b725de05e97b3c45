using NetTerm.Core.Terminal;

namespace NetTerm.Core.Tests.Terminal;

public sealed class EscapeTablesTests
{
    [Fact]
    public void IndexOfSpecial_RandomText_SameAsTheFullSearch()
    {
        // Printable ASCII runs of every length around a vector's width, then one character from anywhere.
        var random = new Random(1234);
        char[] pool = ['a', ' ', '~', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u00a0', 'é', '\u200b', '\u202e', '\ud83d', '\ude00', '\uffff'];
        for (var round = 0; round < 5000; round++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = random.Next(6) == 0 ? pool[random.Next(pool.Length)] : (char)random.Next(' ', '~' + 1);
            foreach (var special in EscapeTables.Special)
                Assert.Equal(chars.AsSpan().IndexOfAny(special), EscapeTables.IndexOfSpecial(chars, special));
        }
    }
}
