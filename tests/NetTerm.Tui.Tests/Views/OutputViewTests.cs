using NetTerm.Core.Terminal;
using NetTerm.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Tests.Views;

public class OutputViewTests
{
    /// <summary>Draws <paramref name="view"/> alone on a <paramref name="width"/>x<paramref name="height"/> screen,
    /// runs <paramref name="change"/>, draws again and returns the rows of both frames.</summary>
    private static (string[] Before, string[] After) Frames(Scrollback lines, int width, int height, Action<OutputView> change)
    {
        using var app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(width, height);
        var view = new OutputView(lines, new OutputPalette(noColor: true)) { Width = Dim.Fill(), Height = Dim.Fill() };
        using var window = new Runnable();
        window.Add(view);
        string[]? before = null;
        string[]? after = null;
        app.Iteration += (_, _) =>
        {
            view.Refresh();
            app.LayoutAndDraw();
            if (before is null)
            {
                before = Rows(app);
                change(view);
                return;
            }

            after = Rows(app);
            app.RequestStop();
        };
        app.Run(window);
        return (before!, after!);
    }

    private static string[] Rows(IApplication app) => [.. app.Driver!.ToString()!.Split('\n').Select(r => r.TrimEnd())];

    private static Scrollback With(params (LineKind Kind, string Text)[] lines)
    {
        var scrollback = new Scrollback();
        foreach (var (kind, text) in lines)
        {
            scrollback.Append(kind, text, [], DateTimeOffset.UnixEpoch);
        }

        return scrollback;
    }

    [Fact]
    public void Draw_LineWiderThanThePane_WrapsAndUnwrapsOnToggle()
    {
        var lines = With((LineKind.Received, "0123456789abcdefghijKLMNOPQRST"), (LineKind.Sent, "abcdefghijklmnopqrstu"));

        var (wrapped, cut) = Frames(lines, 20, 6, v => v.WrapLines = false);

        Assert.Equal(["0123456789abcdefghij", "KLMNOPQRST", "> abcdefghijklmnopqr", "  stu"], wrapped[..4]);
        Assert.Equal(["0123456789abcdefghij", "> abcdefghijklmnopqr"], cut[..2]);
    }

    [Fact]
    public void Draw_FollowingWithWrappedLines_NewestLineOnTheLastRow()
    {
        var lines = With([.. Enumerable.Range(0, 10).Select(i => (LineKind.Received, $"line {i} " + new string('x', 15)))]);

        var (frame, _) = Frames(lines, 12, 4, _ => { });

        // The scroll bar takes the last column; each line breaks after "line N " and its 15-x word is cut at 11:
        // three rows a line, and the newest line's three rows end the pane.
        Assert.Equal(["xxxx", "line 9", "xxxxxxxxxxx", "xxxx"], frame[..4].Select(r => r[..11].TrimEnd()));
    }

    [Fact]
    public void HideAnnotations_ExistingAnnotationLines_DisappearAndComeBack()
    {
        var lines = With((LineKind.Received, "250 OK"), (LineKind.Annotation, "requested action completed"), (LineKind.Sent, "QUIT"));

        var (shown, hidden) = Frames(lines, 40, 5, v => v.HideAnnotations = true);

        Assert.Contains("  # requested action completed", shown);
        Assert.DoesNotContain(hidden, r => r.Contains("requested action", StringComparison.Ordinal));
        Assert.Equal(["250 OK", "> QUIT"], hidden[..2]);
    }
}
