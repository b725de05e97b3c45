using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetTerm.Tui.Views;

/// <summary>The bottom row: segments from <see cref="StatusFormatter"/>, coloured by tone (UNVERIFIED in red).</summary>
internal sealed class StatusLine : View
{
    private readonly bool _noColor;
    private IReadOnlyList<StatusSegment> _segments = [];

    public StatusLine(bool noColor)
    {
        _noColor = noColor;
        Height = 1;
        Width = Dim.Fill();
        CanFocus = false;
    }

    /// <summary>The status as plain text (tests, and what a screen reader would get).</summary>
    public string PlainText => StatusFormatter.ToText(_segments);

    public void Show(IReadOnlyList<StatusSegment> segments)
    {
        if (segments.SequenceEqual(_segments))
        {
            return;
        }

        _segments = segments;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var bar = _noColor
            ? new Attribute(Color.None, Color.None, TextStyle.Reverse)
            : new Attribute(new Color(ColorName16.Black), new Color(ColorName16.Gray));
        Move(0, 0);
        SetAttribute(bar);
        AddStr(new string(' ', Viewport.Width));
        Move(0, 0);
        var first = true;
        foreach (var s in _segments)
        {
            SetAttribute(bar);
            AddStr(first ? " " : " │ ");
            first = false;
            SetAttribute(Tone(s.Tone, bar));
            AddStr(s.Text);
        }

        return true;
    }

    private Attribute Tone(StatusTone tone, Attribute bar)
    {
        if (_noColor)
        {
            return tone == StatusTone.Bad ? bar with { Style = TextStyle.Reverse | TextStyle.Bold | TextStyle.Underline } : bar;
        }

        return tone switch
        {
            StatusTone.Good => bar with { Foreground = new Color(ColorName16.Green) },
            StatusTone.Warning => bar with { Foreground = new Color(ColorName16.Blue) },
            StatusTone.Bad => new Attribute(new Color(ColorName16.White), new Color(ColorName16.Red), TextStyle.Bold),
            StatusTone.Hint => bar with { Foreground = new Color(ColorName16.DarkGray) },
            _ => bar,
        };
    }
}
