using System.Globalization;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Capabilities;

/// <summary>
/// What a server announced in its 250 reply to EHLO (RFC 5321 §4.1.1.1): the greeting line, then one extension
/// keyword per line with optional parameters. Keywords compare case-insensitively; unknown ones are kept as sent.
/// </summary>
/// <remarks>Bounded: at most <see cref="MaxKeywords"/> keywords, <see cref="MaxParameters"/> parameters per keyword
/// and <see cref="MaxAuthMechanisms"/> AUTH mechanisms are kept; <see cref="Truncated"/> says when some were not.
/// The reply parser already caps a reply at 1000 lines and 64 KiB, so a hostile 10,000-line EHLO costs no more.
/// </remarks>
internal sealed class EhloCapabilities
{
    public const int MaxKeywords = 512;
    public const int MaxParameters = 64;
    public const int MaxAuthMechanisms = 64;

    private const string ObsoleteAuth = "AUTH=";

    private readonly Dictionary<string, EhloKeyword> _byName;

    private EhloCapabilities(
        string greeting, List<EhloKeyword> keywords, List<string> mechanisms, bool truncated)
    {
        Greeting = greeting;
        var space = greeting.IndexOf(' ', StringComparison.Ordinal);
        Domain = space < 0 ? greeting : greeting[..space];
        Keywords = keywords;
        AuthMechanisms = mechanisms;
        Truncated = truncated;
        _byName = new Dictionary<string, EhloKeyword>(StringComparer.OrdinalIgnoreCase);
        foreach (var keyword in keywords)
        {
            _byName.TryAdd(keyword.Name, keyword); // the first of duplicate keywords counts
        }
    }

    /// <summary>The first line: the server's domain and any greeting text after it.</summary>
    public string Greeting { get; }

    /// <summary>The first word of the first line: the domain the server calls itself.</summary>
    public string Domain { get; }

    /// <summary>The extension lines in order, unknown keywords included.</summary>
    public IReadOnlyList<EhloKeyword> Keywords { get; }

    /// <summary>Some keywords, parameters or mechanisms were dropped to stay within the bounds.</summary>
    public bool Truncated { get; }

    /// <summary>AUTH mechanisms (RFC 4954), upper-case, without duplicates, from "AUTH" and the obsolete
    /// "AUTH=" lines.</summary>
    public IReadOnlyList<string> AuthMechanisms { get; }

    public bool Pipelining => Has("PIPELINING");

    public bool StartTls => Has("STARTTLS");

    /// <summary>SIZE was advertised, with or without a limit.</summary>
    public bool SizeAdvertised => Has("SIZE");

    /// <summary>The declared maximum message size in bytes (RFC 1870); null when SIZE is absent, has no number,
    /// is 0 or is unreadable: all of which mean no fixed limit is known.</summary>
    public long? Size =>
        Find("SIZE") is { Parameters: [var limit, ..] }
        && long.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            ? size
            : null;

    public bool EightBitMime => Has("8BITMIME");

    public bool BinaryMime => Has("BINARYMIME");

    public bool Chunking => Has("CHUNKING");

    public bool Dsn => Has("DSN");

    public bool SmtpUtf8 => Has("SMTPUTF8");

    public bool RequireTls => Has("REQUIRETLS");

    public bool EnhancedStatusCodes => Has("ENHANCEDSTATUSCODES");

    public bool Etrn => Has("ETRN");

    public bool DeliverBy => Has("DELIVERBY");

    public bool Help => Has("HELP");

    public bool Vrfy => Has("VRFY");

    public bool Expn => Has("EXPN");

    /// <summary>Parses the lines of an EHLO reply. The caller checks that it is a 250 and not a violation.</summary>
    public static EhloCapabilities Parse(SmtpReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Parse(reply.Lines);
    }

    /// <summary>Parses reply lines (text after "250-"/"250 "): the greeting, then one keyword per line.</summary>
    public static EhloCapabilities Parse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var keywords = new List<EhloKeyword>();
        var mechanisms = new List<string>();
        var truncated = false;
        for (var i = 1; i < lines.Count; i++)
        {
            var words = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0)
            {
                continue; // smtp-sink ends its list with an empty "250 " line
            }

            if (keywords.Count == MaxKeywords)
            {
                truncated = true;
                break;
            }

            var keyword = ToKeyword(words, lines[i], ref truncated);
            keywords.Add(keyword);
            if (keyword.Is("AUTH") || keyword.Is(ObsoleteAuth))
            {
                AddMechanisms(mechanisms, keyword.Parameters, ref truncated);
            }
        }

        return new EhloCapabilities(lines.Count > 0 ? lines[0].Trim() : string.Empty, keywords, mechanisms, truncated);
    }

    /// <summary>Whether the server announced <paramref name="keyword"/> (case-insensitive).</summary>
    public bool Has(string keyword) => _byName.ContainsKey(keyword);

    /// <summary>The first line announcing <paramref name="keyword"/>, or null.</summary>
    public EhloKeyword? Find(string keyword) => _byName.GetValueOrDefault(keyword);

    /// <summary>A one-line explanation of an announced keyword, with its parameters; null when the server did not
    /// announce it or NetTerm does not know it.</summary>
    public string? Describe(string keyword) =>
        Find(keyword) is { } found ? EhloKeywordDescriptions.Describe(found) : null;

    private static EhloKeyword ToKeyword(string[] words, string line, ref bool truncated)
    {
        var name = words[0];
        IEnumerable<string> parameters = words.Skip(1);
        if (name.StartsWith(ObsoleteAuth, StringComparison.OrdinalIgnoreCase))
        {
            // "AUTH=LOGIN PLAIN": the old form some servers still send for old Outlook clients.
            parameters = name.Length > ObsoleteAuth.Length ? parameters.Prepend(name[ObsoleteAuth.Length..]) : parameters;
            name = name[..ObsoleteAuth.Length];
        }

        var kept = parameters.Take(MaxParameters + 1).ToList();
        if (kept.Count > MaxParameters)
        {
            kept.RemoveAt(MaxParameters);
            truncated = true;
        }

        return new EhloKeyword(name, kept, line);
    }

    private static void AddMechanisms(List<string> mechanisms, IReadOnlyList<string> names, ref bool truncated)
    {
        foreach (var name in names)
        {
            var upper = name.ToUpperInvariant();
            if (mechanisms.Contains(upper))
            {
                continue;
            }

            if (mechanisms.Count == MaxAuthMechanisms)
            {
                truncated = true;
                return;
            }

            mechanisms.Add(upper);
        }
    }
}
