using System.Text;
using NetTerm.Core.Sessions;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace NetTerm.Tui.Input;

/// <summary>
/// Telnet character mode: what a key sends to the server. Pure, so every mapping is unit-tested. The sequences are
/// what an xterm-compatible terminal sends (ESC [ A for Up and so on); control characters are the classic
/// Ctrl+letter = letter - 0x40 mapping. Returns null for the keys that stay local (see <see cref="IsLocal"/>).
/// </summary>
internal static class CharModeKeyMapper
{
    /// <summary>Keys the client keeps even in character mode: the escape key (Ctrl+], which Terminal.Gui 2.5.0
    /// reports as Ctrl+5 in a real terminal) and F10 for the menu.</summary>
    public static bool IsLocal(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return IsEscapeKey(key) || key.KeyCode == KeyCode.F10;
    }

    /// <summary>Ctrl+] — the telnet escape — as it arrives on Unix (Ctrl+5, the legacy encoding) and on Windows.</summary>
    public static bool IsEscapeKey(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key == Key.D5.WithCtrl || key == new Key(']').WithCtrl;
    }

    public static string? Map(Key key, BackspaceKey backspace, LineEnding ending)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (IsLocal(key))
        {
            return null;
        }

        if (key.IsAlt)
        {
            // Meta sends ESC first, as xterm does with metaSendsEscape.
            return Map(key.NoAlt, backspace, ending) is { } rest ? "\x1b" + rest : null;
        }

        if (key.IsCtrl)
        {
            return MapControl(key);
        }

        var special = MapSpecial(key, backspace, ending);
        if (special is not null)
        {
            return special;
        }

        var rune = key.AsRune;
        return rune.Value is > 0 and not 0xFFFD && !Rune.IsControl(rune) ? rune.ToString() : null;
    }

    private static string? MapSpecial(Key key, BackspaceKey backspace, LineEnding ending) => key.KeyCode switch
    {
        KeyCode.Enter => ending switch { LineEnding.Lf => "\n", LineEnding.Cr => "\r", _ => "\r\n" },
        KeyCode.Backspace => backspace == BackspaceKey.ControlH ? "\b" : "\x7f",
        KeyCode.Tab => "\t",
        KeyCode.Tab | KeyCode.ShiftMask => "\x1b[Z",
        KeyCode.Esc => "\x1b",
        KeyCode.CursorUp => "\x1b[A",
        KeyCode.CursorDown => "\x1b[B",
        KeyCode.CursorRight => "\x1b[C",
        KeyCode.CursorLeft => "\x1b[D",
        KeyCode.Home => "\x1b[H",
        KeyCode.End => "\x1b[F",
        KeyCode.Insert => "\x1b[2~",
        KeyCode.Delete => "\x1b[3~",
        KeyCode.PageUp => "\x1b[5~",
        KeyCode.PageDown => "\x1b[6~",
        KeyCode.F1 => "\x1bOP",
        KeyCode.F2 => "\x1bOQ",
        KeyCode.F3 => "\x1bOR",
        KeyCode.F4 => "\x1bOS",
        KeyCode.F5 => "\x1b[15~",
        KeyCode.F6 => "\x1b[17~",
        KeyCode.F7 => "\x1b[18~",
        KeyCode.F8 => "\x1b[19~",
        KeyCode.F9 => "\x1b[20~",
        KeyCode.F11 => "\x1b[23~",
        KeyCode.F12 => "\x1b[24~",
        _ => null,
    };

    private static string? MapControl(Key key)
    {
        var bare = key.NoCtrl.NoShift.KeyCode;
        if (bare is >= KeyCode.A and <= KeyCode.Z)
        {
            return ((char)(bare - KeyCode.A + 1)).ToString();
        }

        // The digit row is how terminals encode the punctuation controls (Ctrl+2 = NUL … Ctrl+8 = DEL).
        var fromDigit = bare switch
        {
            KeyCode.D2 or KeyCode.Space => '\0',
            KeyCode.D3 => '\x1b',
            KeyCode.D4 => '\x1c',
            KeyCode.D6 => '\x1e',
            KeyCode.D7 => '\x1f',
            KeyCode.D8 or KeyCode.Backspace => '\x7f',
            KeyCode.Enter => '\n',
            _ => (char?)null,
        };
        if (fromDigit is { } c)
        {
            return c.ToString();
        }

        // Ctrl+@ [ \ ^ _ ? reported as the character itself.
        var ch = (uint)bare;
        return ch switch
        {
            '@' => "\0",
            '[' => "\x1b",
            '\\' => "\x1c",
            '^' => "\x1e",
            '_' => "\x1f",
            '?' => "\x7f",
            _ => null,
        };
    }
}
