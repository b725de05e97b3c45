using NetTerm.Core.Profiles;
using NetTerm.Core.Terminal;
using NetTerm.Core.Transcripts;

namespace NetTerm.Core.Tests.Transcripts;

public sealed class MarkdownTranscriptTests
{
    private static ScrollbackLine L(LineKind kind, string text) => new(kind, text, [], new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Write_BacktickRunsInServerText_FenceIsLongerSoTheBlockCannotBeClosed()
    {
        var md = MarkdownTranscript.Write("h:25 (smtp)", [], [L(LineKind.Received, "250 ```` ok")], null);

        Assert.Contains("`````text\n", md, StringComparison.Ordinal);
        Assert.EndsWith("`````\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_KindsAndAnnotation_MarkedAndAnnotationWithoutTime()
    {
        var md = MarkdownTranscript.Write("h:25 (smtp)", [new("TLS", "TLSv1.3")],
            [L(LineKind.Sent, "EHLO me"), L(LineKind.Received, "250 ok"), L(LineKind.Annotation, "completed"), L(LineKind.Error, "closed")], null);
        var lines = md.Split('\n');

        Assert.Contains(lines, l => l.EndsWith(" -> EHLO me", StringComparison.Ordinal) && char.IsAsciiDigit(l[0]));
        Assert.Contains(lines, l => l.EndsWith(" <- 250 ok", StringComparison.Ordinal));
        Assert.Contains(new string(' ', 13) + "     # completed", lines);
        Assert.Contains(lines, l => l.EndsWith(" !! closed", StringComparison.Ordinal));
        Assert.Contains("- **TLS:** TLSv1.3", lines);
        Assert.DoesNotContain("## Repeat", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TitleWithMarkup_EscapedOnOneLine()
    {
        var md = MarkdownTranscript.Write("<b>*x*\n# y", [], [], null);

        Assert.StartsWith("# NetTerm session: \\<b\\>\\*x\\* \\# y\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Script_CommandFencedWithFilesAndNotes()
    {
        var script = new ReproduceScript("netterm smtp send --server h", [new ReproduceFile("x-message.eml", "Subject: s\r\n")], ["set NETTERM_PASSWORD first."]);

        var md = MarkdownTranscript.Write("h:25 (smtp)", [], [], script);

        Assert.Contains("## Repeat it without the UI\n\n```sh\nnetterm smtp send --server h\n```\n", md, StringComparison.Ordinal);
        Assert.Contains("It reads `x-message.eml`", md, StringComparison.Ordinal);
        Assert.Contains("- set NETTERM\\_PASSWORD first.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FactWithEscapeFromThePeer_NeutralisedInTheFile()
    {
        var md = MarkdownTranscript.Write("h:25 (smtp)", [new("TLS", "CN=evil\u001b]0;PWNED\u0007\u202e")], [], null);

        Assert.DoesNotContain('\u001b', md);
        Assert.DoesNotContain('\u0007', md);
        Assert.DoesNotContain('\u202e', md);
        Assert.Contains("x1b", md, StringComparison.Ordinal);
    }
}
