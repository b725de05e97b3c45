using NetTerm.Core.Text;

namespace NetTerm.Core.Tests.Text;

public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("mail.example.com", "mail.example.com")]
    [InlineData("--to", "--to")]
    [InlineData("a@example.com", "a@example.com")]
    [InlineData("/tmp/x y.pem", "'/tmp/x y.pem'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("@file", "'@file'")]
    [InlineData("", "''")]
    [InlineData("$(rm -rf ~)", "'$(rm -rf ~)'")]
    public void Quote_Word_BareOnlyWhenSafe(string word, string expected)
    {
        Assert.Equal(expected, ShellWords.Quote(word));
    }

    [Fact]
    public void Join_Words_SpaceSeparatedAndQuoted()
    {
        Assert.Equal("netterm smtp send --helo 'my host'", ShellWords.Join(["netterm", "smtp", "send", "--helo", "my host"]));
    }
}
