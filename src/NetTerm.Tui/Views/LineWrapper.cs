using System.Buffers;
using System.Text;
using Terminal.Gui.Text;

namespace NetTerm.Tui.Views;

/// <summary>Splits a line into screen rows by display columns (wide characters count two, combining marks zero),
/// after the last space that fits (a word longer than a row is cut), never inside a surrogate pair. Plain C#, so
/// the wrapping rules are tested without a terminal.</summary>
internal static class LineWrapper
{
    /// <summary>Appends the rows of <paramref name="text"/> to <paramref name="rows"/> (when given) and returns how
    /// many there are: the first row holds <paramref name="firstWidth"/> columns, the others
    /// <paramref name="restWidth"/> (a hanging indent). An empty line is one empty row.</summary>
    public static int Split(string text, int firstWidth, int restWidth, List<Range>? rows)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = Math.Max(1, firstWidth);
        var start = 0;
        var column = 0;
        var count = 0;
        var i = 0;
        var lastBreak = -1;
        var columnAtBreak = 0;
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                length = Math.Max(1, length);
            }

            var columns = Math.Max(0, rune.GetColumns());
            if (column > 0 && column + columns > width)
            {
                var next = Math.Max(1, restWidth);
                // Break after the row's last space when the word it starts fits on the next row; cut otherwise.
                var carried = column - columnAtBreak;
                var atSpace = lastBreak > start && carried + columns <= next;
                var end = atSpace ? lastBreak : i;
                rows?.Add(new Range(start, end));
                count++;
                start = end;
                column = atSpace ? carried : 0;
                width = next;
                lastBreak = -1;
            }

            column += columns;
            i += length;
            if (rune.Value == ' ')
            {
                lastBreak = i;
                columnAtBreak = column;
            }
        }

        rows?.Add(new Range(start, text.Length));
        return count + 1;
    }
}
