using System.Text;
using NetTerm.Core.Terminal;

namespace NetTerm.Tui.Views;

/// <summary>
/// TEMPORARY stand-in until feat/view's text processor lands (which adds SGR colours and line editing): cuts
/// received text into display lines. Every control character except LF (and TAB, expanded here) is made visible by
/// Core's <see cref="StreamingControlEscaper"/>, so nothing the server sends can reach the host terminal. An
/// unfinished line is shown and then completed in place. Very long lines are split at <see cref="MaxLineLength"/>.
/// </summary>
internal sealed class ReceivedTextSplitter
{
    public const int MaxLineLength = 4096;

    private readonly StreamingControlEscaper _escaper = new(ControlEscaperOptions.Stdout);
    private readonly StringBuilder _partial = new();
    private bool _open;

    /// <summary>Adds <paramref name="text"/> to <paramref name="lines"/>.</summary>
    public void Feed(string text, DateTimeOffset at, OutputLines lines)
    {
        var safe = _escaper.Escape(text);
        var start = 0;
        while (start <= safe.Length)
        {
            var lf = safe.IndexOf('\n', start);
            var end = lf < 0 ? safe.Length : lf;
            AppendExpanded(safe.AsSpan(start, end - start));
            if (lf < 0)
            {
                if (_partial.Length > 0 || _open)
                {
                    Emit(at, lines);
                }

                break;
            }

            Emit(at, lines);
            _open = false;
            _partial.Clear();
            start = lf + 1;
        }
    }

    /// <summary>The next received text starts a new line (something else was printed in between).</summary>
    public void Break()
    {
        _open = false;
        _partial.Clear();
    }

    private void AppendExpanded(ReadOnlySpan<char> run)
    {
        foreach (var c in run)
        {
            if (c == '\t')
            {
                _partial.Append(' ', 8 - (_partial.Length % 8));
            }
            else
            {
                _partial.Append(c);
            }
        }
    }

    private void Emit(DateTimeOffset at, OutputLines lines)
    {
        while (_partial.Length > MaxLineLength)
        {
            Put(_partial.ToString(0, MaxLineLength), at, lines);
            _open = false;
            _partial.Remove(0, MaxLineLength);
        }

        Put(_partial.ToString(), at, lines);
        _open = true;
    }

    private void Put(string text, DateTimeOffset at, OutputLines lines)
    {
        var line = new OutputLine(text, OutputKind.Received, at);
        if (_open && lines.Last is { Kind: OutputKind.Received })
        {
            lines.ReplaceLast(line);
        }
        else
        {
            lines.Append(line);
        }
    }
}
