using System.Text;

namespace NetTerm.Core.Tests.Telnet;

/// <summary>Readable renderings of byte streams for exact assertions.</summary>
internal static class Bytes
{
    public const byte Iac = 255;
    public const byte Se = 240;
    public const byte Sb = 250;
    public const byte Will = 251;
    public const byte Wont = 252;
    public const byte Do = 253;
    public const byte Dont = 254;

    /// <summary>Printable ASCII as is, everything else as \xHH.</summary>
    public static string Show(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'\\')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{b:X2}");
            }
        }

        return text.ToString();
    }

    /// <summary>Concatenates ASCII text and raw bytes: strings are Latin-1 encoded, numbers taken as bytes.</summary>
    public static byte[] Of(params object[] parts)
    {
        var result = new List<byte>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case string s:
                    result.AddRange(Encoding.Latin1.GetBytes(s));
                    break;
                case byte[] array:
                    result.AddRange(array);
                    break;
                case Core.Telnet.TelnetCommand command:
                    result.Add((byte)command);
                    break;
                case Core.Telnet.TelnetOption option:
                    result.Add((byte)option);
                    break;
                default:
                    result.Add(Convert.ToByte(part, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        return [.. result];
    }
}
