using NetTerm.Core.Profiles;
using NetTerm.Core.Terminal;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetTerm.Tui.Views;

/// <summary>Renders a profile's titled sections of rows. Knows nothing of the profile; server-provided values are
/// escaped like any received text.</summary>
internal sealed class SidePanel : View
{
    private readonly bool _noColor;
    private IReadOnlyList<PanelSection> _sections = [];

    public SidePanel(bool noColor)
    {
        _noColor = noColor;
        CanFocus = false;
        BorderStyle = LineStyle.Single;
        Title = "Profile";
    }

    public bool HasContent => _sections.Count > 0;

    public void Show(IReadOnlyList<PanelSection> sections)
    {
        _sections = sections;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var row = 0;
        foreach (var section in _sections)
        {
            if (row >= Viewport.Height)
            {
                break;
            }

            Move(0, row++);
            SetAttribute(normal with { Style = TextStyle.Bold | TextStyle.Underline });
            AddStr(Clip(ControlEscaper.Escape(section.Title)));
            foreach (var r in section.Rows)
            {
                if (row >= Viewport.Height)
                {
                    break;
                }

                Move(0, row++);
                SetAttribute(normal);
                // A flag keyword (PIPELINING) has no value; a continuation row (a second RCPT) has no label.
                AddStr(Clip(r.Label.Length == 0 ? "  " : r.Value.Length == 0 ? ControlEscaper.Escape(r.Label) : $"{ControlEscaper.Escape(r.Label)}: "));
                SetAttribute(Severe(r.Severity, normal));
                AddStr(Clip(ControlEscaper.Escape(r.Value)));
            }

            row++;
        }

        return true;
    }

    private string Clip(string s) => s.Length > Viewport.Width * 2 ? s[..(Viewport.Width * 2)] : s;

    private Attribute Severe(Severity severity, Attribute normal)
    {
        if (_noColor)
        {
            return severity is Severity.Error or Severity.Warning ? normal with { Style = TextStyle.Bold } : normal;
        }

        return severity switch
        {
            Severity.Positive => normal with { Foreground = new Color(ColorName16.BrightGreen) },
            Severity.Error => normal with { Foreground = new Color(ColorName16.BrightRed) },
            Severity.Warning => normal with { Foreground = new Color(ColorName16.Yellow) },
            Severity.Transient or Severity.Intermediate => normal with { Foreground = new Color(ColorName16.BrightCyan) },
            _ => normal,
        };
    }
}
