namespace NetTerm.Tui;

/// <summary>What Backspace sends in character mode: DEL (0x7F, what most Unix hosts expect) or ^H (0x08).</summary>
public enum BackspaceKey
{
    Delete,
    ControlH,
}
