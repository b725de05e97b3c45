using NetTerm.Core.Terminal;
using NetTerm.Core.Transport;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Dialogs;

/// <summary>The server's certificate and the verdict, as Core formats it (escaped: subjects come from the peer).</summary>
internal static class CertificateDialog
{
    public static void Show(IApplication app, CertificateSummary certificate)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(certificate);
        // Long values (the SHA-256 fingerprint, many names) continue under their value column.
        var width = Math.Max(40, ((app.Driver?.Cols ?? 100) * 9 / 10) - 4);
        var text = string.Join("\n", certificate.Describe().Split('\n').Select(l => Wrap(ControlEscaper.Escape(l), width)));
        using var dialog = new Dialog { Title = certificate.Verified ? "Certificate" : "Certificate — UNVERIFIED", Width = Dim.Percent(90) };
        var label = DataLabel.Create();
        label.X = 1;
        label.Y = 1;
        label.Text = text;
        dialog.Add(label);
        dialog.AddButton(new Button { Title = "_Close" });
        app.Run(dialog);
    }

    private static string Wrap(string line, int width)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var indent = colon < 0 ? 0 : colon + 1 + line[(colon + 1)..].TakeWhile(c => c == ' ').Count();
        var rows = new List<Range>();
        Views.LineWrapper.Split(line, width, width - indent, rows);
        return string.Join("\n" + new string(' ', indent), rows.Select(r => line[r]));
    }
}
