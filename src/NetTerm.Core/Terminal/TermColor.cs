namespace NetTerm.Core.Terminal;

/// <summary>
/// A colour as the peer specified it, packed into 32 bits (kind in the top byte, index or 0xRRGGBB below) so a
/// <see cref="CellStyle"/> stays small and cheap to compare. <c>default(TermColor)</c> is <see cref="Default"/>.
/// </summary>
public readonly record struct TermColor
{
    private readonly uint _packed;

    private TermColor(uint packed) => _packed = packed;

    public static TermColor Default => default;

    public TermColorKind Kind => (TermColorKind)(_packed >> 24);

    /// <summary>The ANSI (0-15) or palette (0-255) index; 0 for other kinds.</summary>
    public int Index => Kind is TermColorKind.Ansi16 or TermColorKind.Palette256 ? (int)(_packed & 0xFF) : 0;

    /// <summary>Red of an <see cref="TermColorKind.Rgb"/> colour; 0 for other kinds.</summary>
    public byte R => Kind == TermColorKind.Rgb ? (byte)(_packed >> 16) : (byte)0;

    public byte G => Kind == TermColorKind.Rgb ? (byte)(_packed >> 8) : (byte)0;

    public byte B => Kind == TermColorKind.Rgb ? (byte)_packed : (byte)0;

    /// <summary>The packed form, for storage; <see cref="FromPacked"/> reverses it.</summary>
    public uint Packed => _packed;

    public static TermColor FromAnsi(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 15);
        return new TermColor(((uint)TermColorKind.Ansi16 << 24) | (uint)index);
    }

    public static TermColor FromPalette(byte index) => new(((uint)TermColorKind.Palette256 << 24) | index);

    public static TermColor FromRgb(byte r, byte g, byte b) =>
        new(((uint)TermColorKind.Rgb << 24) | ((uint)r << 16) | ((uint)g << 8) | b);

    /// <summary>Restores a colour from <see cref="Packed"/>; an unknown kind becomes <see cref="Default"/>.</summary>
    public static TermColor FromPacked(uint packed) =>
        (packed >> 24) switch
        {
            (uint)TermColorKind.Ansi16 => new TermColor(packed & 0xFF00_000F),
            (uint)TermColorKind.Palette256 => new TermColor(packed & 0xFF00_00FF),
            (uint)TermColorKind.Rgb => new TermColor(packed),
            _ => Default,
        };

    public override string ToString() => Kind switch
    {
        TermColorKind.Ansi16 => $"Ansi({Index})",
        TermColorKind.Palette256 => $"Palette({Index})",
        TermColorKind.Rgb => $"#{R:x2}{G:x2}{B:x2}",
        _ => "Default",
    };
}
