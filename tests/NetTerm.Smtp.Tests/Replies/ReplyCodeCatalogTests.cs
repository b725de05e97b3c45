using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Tests.Replies;

public sealed class ReplyCodeCatalogTests
{
    [Fact]
    public void Entries_CountsPerClassAndSource_Exact()
    {
        var entries = ReplyCodeCatalog.Entries;

        Assert.Equal(38, entries.Count);
        Assert.Equal(
            [(2, 9), (3, 2), (4, 8), (5, 19)],
            entries.GroupBy(e => e.Code / 100).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())));
        Assert.Equal(
            [("RFC 3207", 3), ("RFC 4954", 9), ("RFC 5321", 24), ("RFC 7504", 2)],
            entries.GroupBy(e => e.Source).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));
    }

    [Fact]
    public void Entries_Rfc5321_EveryCodeOfSection422()
    {
        int[] expected = [211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504, 550, 551, 552, 553, 554, 555];

        Assert.Equal(expected, ReplyCodeCatalog.Entries.Where(e => e.Source == "RFC 5321").Select(e => e.Code).Order());
    }

    [Fact]
    public void Entries_AllColumnsFilled()
    {
        Assert.All(ReplyCodeCatalog.Entries, e =>
        {
            Assert.InRange(e.Code, 200, 599);
            Assert.False(string.IsNullOrWhiteSpace(e.Meaning));
            Assert.False(string.IsNullOrWhiteSpace(e.Explanation));
            Assert.StartsWith("RFC ", e.Source, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Find_CodeWithSeveralMeanings_GeneralFirst()
    {
        var meanings = ReplyCodeCatalog.Find(454);

        Assert.Equal(["RFC 4954", "RFC 3207"], meanings.Select(e => e.Source));
        Assert.Empty(ReplyCodeCatalog.Find(299));
    }

    [Fact]
    public void Describe_WithCommand_PicksThatCommandsRfc()
    {
        Assert.Equal("RFC 3207", ReplyCodeCatalog.Describe(454, "starttls")!.Source);
        Assert.Equal("RFC 4954", ReplyCodeCatalog.Describe(535, "AUTH")!.Source);
        Assert.Equal("RFC 5321", ReplyCodeCatalog.Describe(500, "MAIL")!.Source);
        Assert.Equal("RFC 4954", ReplyCodeCatalog.Describe(500, "AUTH")!.Source);
        Assert.Equal("Service ready", ReplyCodeCatalog.Describe(220)!.Meaning);
        Assert.Null(ReplyCodeCatalog.Describe(299));
    }
}
