using NetTerm.Core.Persistence;

namespace NetTerm.Core.Tests.Persistence;

public sealed class SessionNamesTests
{
    [Theory]
    [InlineData("work")]
    [InlineData("mail.example-587_tls")]
    [InlineData("A1")]
    [InlineData(".hidden")]
    [InlineData("console")]
    public void IsValid_PortableNames_True(string name) => Assert.True(SessionNames.IsValid(name));

    [Fact]
    public void IsValid_SixtyFourCharacters_TrueAndSixtyFiveFalse()
    {
        Assert.True(SessionNames.IsValid(new string('a', 64)));
        Assert.False(SessionNames.IsValid(new string('a', 65)));
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData(".", "invalid session name '.'")]
    [InlineData("..", "invalid session name '..'")]
    [InlineData("../evil", "use letters, digits")]
    [InlineData("a/b", "use letters, digits")]
    [InlineData("a\\b", "use letters, digits")]
    [InlineData("my work", "use letters, digits")]
    [InlineData("café", "use letters, digits")]
    [InlineData("nul", "reserved on Windows")]
    [InlineData("COM1.backup", "reserved on Windows")]
    [InlineData("a\nb\u001b[2J", "invalid session name 'a?b?[2J'")]
    public void Validate_BadName_ThrowsOneLineArgumentException(string name, string fragment)
    {
        var ex = Assert.Throws<ArgumentException>(() => SessionNames.Validate(name));

        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.DoesNotContain('\u001b', ex.Message);
    }
}
