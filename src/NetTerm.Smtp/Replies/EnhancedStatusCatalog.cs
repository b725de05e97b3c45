using System.Globalization;

namespace NetTerm.Smtp.Replies;

/// <summary>RFC 3463 and the IANA enumerated status codes (RFC 5248 registry), loaded once from the embedded
/// enhanced-status.tsv.</summary>
internal static class EnhancedStatusCatalog
{
    private static readonly Lazy<EnhancedStatusEntry[]> Data =
        new(() => Parse(CatalogResource.ReadRows("enhanced-status.tsv", 4)));

    /// <summary>Every row in file order: classes, subjects, then full codes.</summary>
    public static IReadOnlyList<EnhancedStatusEntry> Entries => Data.Value;

    /// <summary>The row for a full code: a class-specific row ("5.7.1") wins over the any-class row ("X.7.1").
    /// Null for codes outside the registry, such as Microsoft's 5.7.54.</summary>
    public static EnhancedStatusEntry? FindDetail(EnhancedStatusCode code) => FindDetail(Data.Value, code);

    /// <summary>The row describing the code's class ("Permanent failure").</summary>
    public static EnhancedStatusEntry? FindClass(int @class) =>
        Array.Find(Data.Value, e => e.Kind == EnhancedStatusEntryKind.Class && e.Class == @class);

    /// <summary>The row describing the code's subject ("Security or policy status").</summary>
    public static EnhancedStatusEntry? FindSubject(int subject) =>
        Array.Find(Data.Value, e => e.Kind == EnhancedStatusEntryKind.Subject && e.Subject == subject);

    internal static EnhancedStatusEntry? FindDetail(IEnumerable<EnhancedStatusEntry> entries, EnhancedStatusCode code)
    {
        EnhancedStatusEntry? anyClass = null;
        foreach (var e in entries)
        {
            if (e.Kind != EnhancedStatusEntryKind.Detail || e.Subject != code.Subject || e.Detail != code.Detail)
            {
                continue;
            }

            if (e.Class == code.Class)
            {
                return e;
            }

            anyClass ??= e.Class is null ? e : null;
        }

        return anyClass;
    }

    /// <exception cref="InvalidDataException">A code column is not of the forms above.</exception>
    internal static EnhancedStatusEntry[] Parse(IReadOnlyList<string[]> rows)
    {
        var entries = new EnhancedStatusEntry[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var parts = r[0].Split('.');
            if (parts.Length != 3)
            {
                throw new InvalidDataException($"'{r[0]}' is not an enhanced status catalog code.");
            }

            int? @class = parts[0] == "X" ? null : Number(parts[0]);
            int? subject = parts[1] == "XXX" ? null : Number(parts[1]);
            int? detail = parts[2] == "YYY" ? null : Number(parts[2]);
            var kind = subject is null ? EnhancedStatusEntryKind.Class
                : detail is null ? EnhancedStatusEntryKind.Subject
                : EnhancedStatusEntryKind.Detail;
            entries[i] = new EnhancedStatusEntry(r[0], kind, @class, subject, detail, r[1], r[2], r[3]);
        }

        return entries;
    }

    private static int Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 999
            ? n
            : throw new InvalidDataException($"'{text}' is not a number in an enhanced status catalog code.");
}
