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
        var text = string.Join("\n", certificate.Describe().Split('\n').Select(l => ControlEscaper.Escape(l)));
        using var dialog = new Dialog { Title = certificate.Verified ? "Certificate" : "Certificate — UNVERIFIED", Width = Dim.Percent(90) };
        dialog.Add(new Label { X = 1, Y = 1, Text = text });
        dialog.AddButton(new Button { Title = "_Close" });
        app.Run(dialog);
    }
}
