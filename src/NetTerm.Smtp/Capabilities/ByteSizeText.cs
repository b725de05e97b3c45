using System.Globalization;

namespace NetTerm.Smtp.Capabilities;

/// <summary>Formats a byte count for people: the exact number, plus binary units, since servers configure limits
/// both ways (Postfix's default 10240000 is "10 MB" to its admins but 9.8 MiB exactly).</summary>
internal static class ByteSizeText
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB"];

    /// <summary>"10,240,000 bytes (9.8 MiB)", "37,748,736 bytes (36 MiB)", "512 bytes".</summary>
    public static string Format(long bytes)
    {
        var exact = bytes.ToString("N0", CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");
        if (bytes < 1024)
        {
            return exact;
        }

        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{exact} ({rounded:0.#} {Units[unit]})");
    }
}
