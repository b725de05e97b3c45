using System.Collections.ObjectModel;
using System.Globalization;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTerm.Tui.Dialogs;

/// <summary>
/// `netterm` with no host, Ctrl+O, or "open" at the telnet prompt: host, port, mode (the list comes from the
/// composition root, so SMTP is just another entry), TLS, and the saved sessions (choosing one fills the fields).
/// </summary>
internal sealed class ConnectDialog : Dialog
{
    private readonly IReadOnlyList<string> _modes;
    private readonly TextField _host;
    private readonly TextField _port;
    private readonly OptionSelector _mode;
    private readonly CheckBox _tls;
    private readonly Label _error;

    private ConnectDialog(IReadOnlyList<string> modes, ConnectTarget? last, IReadOnlyList<ConnectTarget> saved)
    {
        _modes = modes;
        Title = "Connect";
        Width = Dim.Percent(70);
        Add(new Label { X = 1, Y = 1, Text = "_Host:" });
        _host = new TextField { X = 9, Y = 1, Width = Dim.Fill(1), Text = last?.Host ?? string.Empty };
        Add(new Label { X = 1, Y = 3, Text = "_Port:" });
        _port = new TextField { X = 9, Y = 3, Width = 8, Text = (last?.Port ?? 23).ToString(CultureInfo.InvariantCulture) };
        Add(new Label { X = 1, Y = 5, Text = "_Mode:" });
        _mode = new OptionSelector { X = 9, Y = 5, Labels = modes, Orientation = Orientation.Horizontal };
        _mode.Value = Math.Max(0, IndexOf(last?.Mode));
        _tls = new CheckBox { X = 9, Y = 7, Text = "_TLS (implicit, from the first byte)", Value = last?.Tls == true ? CheckState.Checked : CheckState.UnChecked };
        _error = new Label { X = 1, Y = 8, Width = Dim.Fill(1), Text = string.Empty };
        Add(_host, _port, _mode, _tls, _error);
        var height = 14;
        if (saved.Count > 0)
        {
            Add(new Label { X = 1, Y = 9, Text = "_Saved sessions:" });
            var list = new ListView { X = 1, Y = 10, Width = Dim.Fill(1), Height = Math.Min(saved.Count, 8) };
            list.SetSource(new ObservableCollection<string>(saved.Select(s =>
                Core.Terminal.ControlEscaper.Escape($"{s.Host}:{s.Port}  {s.Mode}{(s.Tls ? " tls" : string.Empty)}"))));
            list.ValueChanged += (_, e) =>
            {
                if (list.SelectedItem is { } i && i >= 0 && i < saved.Count)
                {
                    Fill(saved[i]);
                }
            };
            Add(list);
            height += Math.Min(saved.Count, 8) + 1;
        }

        Height = height;
        AddButton(new Button { Title = "_Cancel" });
        var connect = new Button { Title = "C_onnect" };
        connect.Accepting += (_, e) =>
        {
            if (Target() is null)
            {
                e.Handled = true;
            }
        };
        AddButton(connect);
        _host.SetFocus();
    }

    /// <summary>The target entered, or null when cancelled.</summary>
    public static ConnectTarget? Ask(IApplication app, IReadOnlyList<string> modes, ConnectTarget? last, IReadOnlyList<ConnectTarget> saved, bool noColor)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(modes);
        _ = noColor;
        using var dialog = new ConnectDialog(modes, last, saved);
        app.Run(dialog);
        return dialog.Result == 1 ? dialog.Target() : null;
    }

    private void Fill(ConnectTarget target)
    {
        _host.Text = target.Host;
        _port.Text = target.Port.ToString(CultureInfo.InvariantCulture);
        _mode.Value = Math.Max(0, IndexOf(target.Mode));
        _tls.Value = target.Tls ? CheckState.Checked : CheckState.UnChecked;
    }

    private int IndexOf(string? mode) => mode is null ? 0 : _modes.ToList().IndexOf(mode);

    private ConnectTarget? Target()
    {
        var host = _host.Text.Trim();
        if (host.Length == 0)
        {
            _error.Text = "a host is required";
            return null;
        }

        if (!int.TryParse(_port.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            _error.Text = "the port is a number from 1 to 65535";
            return null;
        }

        var mode = _mode.Value is { } v && v >= 0 && v < _modes.Count ? _modes[v] : _modes[0];
        return new ConnectTarget(host, port, mode, _tls.Value == CheckState.Checked);
    }
}
