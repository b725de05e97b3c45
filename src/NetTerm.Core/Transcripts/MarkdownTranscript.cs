using System.Globalization;
using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Core.Terminal;

namespace NetTerm.Core.Transcripts;

/// <summary>"Export…": the session as an annotated Markdown document, and the command that repeats it. The lines
/// come from the scrollback, where secrets are already masked and server text already neutralised.</summary>
public static class MarkdownTranscript
{
    /// <param name="title">What was connected to ("mail.example.com:25 (smtp)").</param>
    /// <param name="facts">Header facts, label and value ("TLS", "TLSv1.3 …").</param>
    public static string Write(
        string title,
        IReadOnlyList<KeyValuePair<string, string>> facts,
        IEnumerable<ScrollbackLine> lines,
        ReproduceScript? script)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(lines);
        var md = new StringBuilder();
        md.Append("# NetTerm session: ").Append(Inline(title)).Append("\n\n");
        foreach (var (label, value) in facts)
        {
            md.Append("- **").Append(Inline(label)).Append(":** ").Append(Inline(value)).Append('\n');
        }

        var body = new StringBuilder();
        foreach (var line in lines)
        {
            // An explanation belongs to the reply above it: no time of its own.
            body.Append(line.Kind == LineKind.Annotation
                    ? new string(' ', 12)
                    : line.Timestamp.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))
                .Append(' ').Append(Mark(line.Kind)).Append(line.Text).Append('\n');
        }

        md.Append("\n## Transcript\n\n")
            .Append("`<-` received, `->` sent (credentials masked), `==` NetTerm, `!!` error or warning, `#` explanation.\n\n");
        Fence(md, "text", body.ToString());
        if (script is not null)
        {
            md.Append("\n## Repeat it without the UI\n\n");
            Fence(md, "sh", script.Command + "\n");
            foreach (var file in script.Files)
            {
                md.Append("\nIt reads `").Append(file.Name).Append("`, written next to this file.\n");
            }

            foreach (var note in script.Notes)
            {
                md.Append("\n- ").Append(Inline(note));
            }

            if (script.Notes.Count > 0)
            {
                md.Append('\n');
            }
        }

        return md.ToString();
    }

    private static string Mark(LineKind kind) => kind switch
    {
        LineKind.Sent or LineKind.Hidden => "-> ",
        LineKind.System => "== ",
        LineKind.Error or LineKind.Warning => "!! ",
        LineKind.Annotation => "     # ",
        _ => "<- ",
    };

    /// <summary>A fenced block whose fence is longer than any backtick run in the text (CommonMark), so server
    /// text cannot close it early.</summary>
    private static void Fence(StringBuilder md, string info, string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        md.Append(fence).Append(info).Append('\n').Append(text).Append(fence).Append('\n');
    }

    /// <summary>Text in running Markdown: controls escaped, no line breaks, and the characters that would start markup escaped.</summary>
    private static string Inline(string text)
    {
        // Header facts carry peer text (a certificate's subject): line breaks become spaces, and no other control
        // character may reach the file raw.
        text = ControlEscaper.Escape(text.Replace('\r', ' ').Replace('\n', ' '), ControlEscaperOptions.Transcript);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
