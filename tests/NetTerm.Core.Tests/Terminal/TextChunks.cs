namespace NetTerm.Core.Tests.Terminal;

/// <summary>How a test feeds text to a streaming parser: all at once, one line (through its LF) at a time, or one
/// character at a time, so state kept across calls is exercised.</summary>
public enum ChunkMode
{
    Whole,
    PerLine,
    PerChar,
}

/// <summary>Splits text into chunks by <see cref="ChunkMode"/>.</summary>
internal static class TextChunks
{
    public static IEnumerable<string> Split(string text, ChunkMode mode)
    {
        switch (mode)
        {
            case ChunkMode.Whole:
                yield return text;
                break;
            case ChunkMode.PerLine:
                var start = 0;
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '\n')
                    {
                        yield return text[start..(i + 1)];
                        start = i + 1;
                    }
                }

                if (start < text.Length)
                    yield return text[start..];
                break;
            default:
                foreach (var c in text)
                    yield return c.ToString();
                break;
        }
    }
}
