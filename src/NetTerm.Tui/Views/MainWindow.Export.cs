using System.Globalization;
using NetTerm.Core.Terminal;
using NetTerm.Core.Transcripts;
using NetTerm.Tui.Dialogs;

namespace NetTerm.Tui.Views;

internal sealed partial class MainWindow
{
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>File > Export…: an annotated Markdown transcript (the scrollback, so credentials are already
    /// masked) and, when the profile can say it, the command that repeats the session, with the files it reads.</summary>
    private void ExportSession()
    {
        if (_controller.Target is not { } target || _controller.Options is not { } options)
        {
            Say(LineKind.Warning, "nothing to export: no session yet");
            return;
        }

        var name = PromptDialog.Ask(_app, "Export session", "File name (Markdown):", $"netterm-{DateTime.Now:yyyyMMdd-HHmmss}.md");
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        try
        {
            var path = Path.GetFullPath(name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? name : name + ".md");
            var folder = Path.GetDirectoryName(path)!;
            var prefix = Path.GetFileNameWithoutExtension(path) + "-";
            var script = _controller.Profile?.Reproduce(options, prefix);
            var facts = new List<KeyValuePair<string, string>>
            {
                new("Target", $"{target.Host}:{target.Port.ToString(CultureInfo.InvariantCulture)}"),
                new("Mode", _controller.Profile?.PromptLabel ?? target.Mode),
                new("Exported", DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)),
            };
            if (_tls is { } tls)
            {
                facts.Add(new("TLS", OutputModel.Describe(tls)));
            }

            ScrollbackLine[] lines;
            lock (_output.Lines.SyncRoot)
            {
                lines = [.. Enumerable.Range(0, _output.Lines.Count).Select(_output.Lines.GetLine)];
            }

            var title = $"{target.Host}:{target.Port.ToString(CultureInfo.InvariantCulture)} ({target.Mode})";
            File.WriteAllText(path, MarkdownTranscript.Write(title, facts, lines, script), Utf8);
            var written = new List<string> { path };
            foreach (var file in script?.Files ?? [])
            {
                var filePath = Path.Combine(folder, file.Name);
                File.WriteAllText(filePath, file.Content, Utf8);
                written.Add(filePath);
            }

            Say(LineKind.System, "exported " + string.Join(", ", written));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Say(LineKind.Error, "export failed: " + ex.Message);
        }
    }
}
