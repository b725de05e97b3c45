using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Tests.Replies;

public sealed class EnhancedStatusCatalogTests
{
    [Fact]
    public void Entries_CountsPerKindAndSubject_Exact()
    {
        var entries = EnhancedStatusCatalog.Entries;

        Assert.Equal(92, entries.Count);
        Assert.Equal(3, entries.Count(e => e.Kind == EnhancedStatusEntryKind.Class));
        Assert.Equal(8, entries.Count(e => e.Kind == EnhancedStatusEntryKind.Subject));
        Assert.Equal(
            [(0, 1), (1, 11), (2, 5), (3, 7), (4, 8), (5, 7), (6, 11), (7, 31)],
            entries.Where(e => e.Kind == EnhancedStatusEntryKind.Detail)
                .GroupBy(e => e.Subject!.Value).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())));
        Assert.Equal(49, entries.Count(e => e.Kind == EnhancedStatusEntryKind.Detail && e.Source == "RFC 3463"));
    }

    [Fact]
    public void Entries_DetailsAreContiguousFromZero()
    {
        foreach (var subject in EnhancedStatusCatalog.Entries.Where(e => e.Kind == EnhancedStatusEntryKind.Detail).GroupBy(e => e.Subject))
        {
            var details = subject.Select(e => e.Detail!.Value).ToArray();
            Assert.Equal(Enumerable.Range(0, details.Length), details);
        }
    }

    [Fact]
    public void Entries_UniqueAndFilled()
    {
        var entries = EnhancedStatusCatalog.Entries;

        Assert.Equal(entries.Count, entries.Select(e => e.Code).Distinct().Count());
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Title) || string.IsNullOrWhiteSpace(e.Description)));
    }

    [Theory]
    [InlineData("5.7.1", "Delivery not authorized, message refused", "RFC 3463")]
    [InlineData("4.7.0", "Other or undefined security status", "RFC 3463")]
    [InlineData("5.7.8", "Authentication credentials invalid", "RFC 4954")]
    [InlineData("5.1.10", "Recipient address has null MX", "RFC 7505")]
    [InlineData("5.7.30", "REQUIRETLS support required", "RFC 8689")]
    [InlineData("5.6.7", "Non-ASCII addresses not permitted for that sender/recipient", "RFC 6531")]
    public void FindDetail_RegisteredCode_Row(string code, string title, string source)
    {
        var entry = EnhancedStatusCatalog.FindDetail(EnhancedStatusCode.Parse(code));

        Assert.NotNull(entry);
        Assert.Equal((title, source), (entry.Title, entry.Source));
    }

    [Fact]
    public void FindDetail_UnregisteredCode_Null()
    {
        Assert.Null(EnhancedStatusCatalog.FindDetail(EnhancedStatusCode.Parse("5.7.54")));
        Assert.Null(EnhancedStatusCatalog.FindDetail(EnhancedStatusCode.Parse("5.8.0")));
    }

    [Fact]
    public void FindClassAndSubject_Rows()
    {
        Assert.Equal("Permanent failure", EnhancedStatusCatalog.FindClass(5)!.Title);
        Assert.Equal("Persistent transient failure", EnhancedStatusCatalog.FindClass(4)!.Title);
        Assert.Null(EnhancedStatusCatalog.FindClass(3));
        Assert.Equal("Security or policy status", EnhancedStatusCatalog.FindSubject(7)!.Title);
        Assert.Null(EnhancedStatusCatalog.FindSubject(8));
    }

    [Fact]
    public void FindDetail_ClassSpecificRow_WinsOverAnyClassRow()
    {
        var entries = EnhancedStatusCatalog.Parse(
        [
            ["X.7.1", "Any class", "d", "s"],
            ["5.7.1", "Only 5", "d", "s"],
        ]);

        Assert.Equal("Only 5", EnhancedStatusCatalog.FindDetail(entries, new EnhancedStatusCode(5, 7, 1))!.Title);
        Assert.Equal("Any class", EnhancedStatusCatalog.FindDetail(entries, new EnhancedStatusCode(4, 7, 1))!.Title);
    }

    [Fact]
    public void Parse_BadCode_Throws()
    {
        Assert.Throws<InvalidDataException>(() => EnhancedStatusCatalog.Parse([["X.7", "t", "d", "s"]]));
        Assert.Throws<InvalidDataException>(() => EnhancedStatusCatalog.Parse([["X.7.Q", "t", "d", "s"]]));
    }
}
