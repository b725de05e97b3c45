using System.Globalization;

namespace NetTerm.Smtp.Replies;

/// <summary>The reply codes of RFC 5321 §4.2.2/§4.2.3 and of the AUTH (RFC 4954), STARTTLS (RFC 3207) and null MX
/// (RFC 7504) extensions, loaded once from the embedded reply-codes.tsv.</summary>
internal static class ReplyCodeCatalog
{
    private static readonly Lazy<ReplyCodeEntry[]> Data = new(Load);

    /// <summary>Every row, in file order (RFC 5321 first).</summary>
    public static IReadOnlyList<ReplyCodeEntry> Entries => Data.Value;

    /// <summary>All meanings of a code: the general RFC 5321 one first, then command-specific ones (454 and 530
    /// mean one thing after AUTH and another after STARTTLS). Empty when the code is unknown.</summary>
    public static IReadOnlyList<ReplyCodeEntry> Find(int code) => Array.FindAll(Data.Value, e => e.Code == code);

    /// <summary>The first (general) meaning of a code.</summary>
    public static ReplyCodeEntry? Describe(int code) => Array.Find(Data.Value, e => e.Code == code);

    /// <summary>The meaning of a code as an answer to one command: the row from that command's RFC when there is
    /// one (RFC 4954 for AUTH, RFC 3207 for STARTTLS), else the general row.</summary>
    public static ReplyCodeEntry? Describe(int code, string? command)
    {
        var source = command?.ToUpperInvariant() switch
        {
            "AUTH" => "RFC 4954",
            "STARTTLS" => "RFC 3207",
            _ => null,
        };
        return (source is null ? null : Array.Find(Data.Value, e => e.Code == code && e.Source == source))
            ?? Describe(code);
    }

    private static ReplyCodeEntry[] Load()
    {
        var rows = CatalogResource.ReadRows("reply-codes.tsv", 4);
        var entries = new ReplyCodeEntry[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var code = int.Parse(r[0], NumberStyles.None, CultureInfo.InvariantCulture);
            entries[i] = new ReplyCodeEntry(code, r[1], r[2], r[3]);
        }

        return entries;
    }
}
