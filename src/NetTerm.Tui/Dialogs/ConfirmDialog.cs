using NetTerm.Core.Profiles;
using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Dialogs;

/// <summary>A profile's yes/no question (SubmitReview.Confirm) as a message box. "No" is the default button: the
/// question exists because sending may be a mistake.</summary>
internal static class ConfirmDialog
{
    public static bool Ask(IApplication app, Confirmation confirmation)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var answer = MessageBox.Query(app, Safe(confirmation.Title), Safe(confirmation.Message), confirmation.YesLabel, confirmation.NoLabel);
        return answer == 0;
    }

    // Profile text may quote the server; nothing it says may reach the host terminal raw.
    private static string Safe(string text) => Core.Terminal.ControlEscaper.Escape(text);
}
