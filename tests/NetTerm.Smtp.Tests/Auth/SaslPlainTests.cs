using NetTerm.Smtp.Auth;

namespace NetTerm.Smtp.Tests.Auth;

public sealed class SaslPlainTests
{
    [Fact]
    public void Encode_TutorialCredentials_MatchesGoldenValue()
    {
        Assert.Equal(
            "AG1vb25wb2ludEBleGFtcGxlLmNvbQBTb21lUGFzc3dvcmQ=",
            SaslPlain.Encode("moonpoint@example.com", "SomePassword"));
    }

    [Fact]
    public void Encode_WithAuthzid_PutsAuthzidBeforeFirstNul()
    {
        Assert.Equal(
            "YWRtaW5AZXhhbXBsZS5jb20AbW9vbnBvaW50QGV4YW1wbGUuY29tAFNvbWVQYXNzd29yZA==",
            SaslPlain.Encode("moonpoint@example.com", "SomePassword", "admin@example.com"));
    }

    [Fact]
    public void Encode_EmptyAuthzid_SameAsNone()
    {
        Assert.Equal(
            SaslPlain.Encode("moonpoint@example.com", "SomePassword"),
            SaslPlain.Encode("moonpoint@example.com", "SomePassword", string.Empty));
    }

    [Fact]
    public void Encode_NonAsciiUserAndPassword_EncodesUtf8()
    {
        Assert.Equal("AGrDvHJnZW5AZXjDpG1wbGUuZGUAcMOkc3N3w7ZyZPCflJE=", SaslPlain.Encode("jürgen@exämple.de", "pässwörd🔑"));
    }

    [Theory]
    [InlineData("us\0er", "pw", null)]
    [InlineData("user", "p\0w", null)]
    [InlineData("user", "pw", "a\0z")]
    [InlineData("", "pw", null)]
    [InlineData("user", "", null)]
    public void Encode_NulOrEmptyField_Throws(string user, string password, string? authzid)
    {
        Assert.Throws<ArgumentException>(() => SaslPlain.Encode(user, password, authzid));
    }

    [Fact]
    public void Decode_TutorialValue_ReturnsParts()
    {
        var parts = SaslPlain.Decode("AG1vb25wb2ludEBleGFtcGxlLmNvbQBTb21lUGFzc3dvcmQ=");

        Assert.Equal(new SaslPlainParts(null, "moonpoint@example.com", "SomePassword"), parts);
    }

    [Fact]
    public void Decode_WithAuthzidAndUtf8_RoundTrips()
    {
        var encoded = SaslPlain.Encode("jürgen@exämple.de", "pässwörd🔑", "ädmin");

        var parts = SaslPlain.Decode(encoded);

        Assert.Equal("ädmin", parts.Authzid);
        Assert.Equal("jürgen@exämple.de", parts.User);
        Assert.Equal("pässwörd🔑", parts.Password);
    }

    [Theory]
    [InlineData("", "empty input")]
    [InlineData("AG1vb25wb2ludEBleGFtcGxlLmNvbQBTb21lUGFzc3dvcmQ", "not valid base64")]
    [InlineData("AG1v b25wb2ludEBleGFtcGxlLmNvbQBTb21lUGFzc3dvcmQ=", "not valid base64")]
    [InlineData("dXNlcjpwYXNz", "found 0")] // "user:pass"
    [InlineData("AHUAcAB4", "found 3")] // NUL u NUL p NUL x
    [InlineData("AAAA", "found 3")]
    [InlineData("YQB1AA==", "password is empty")] // a NUL u NUL
    [InlineData("YQAAcA==", "user (authcid) is empty")] // a NUL NUL p
    [InlineData("AP8AcA==", "not valid UTF-8")] // NUL 0xFF NUL p
    public void TryDecode_Malformed_ReturnsOneLineError(string input, string expected)
    {
        var ok = SaslPlain.TryDecode(input, out var parts, out var error);

        Assert.False(ok);
        Assert.Null(parts);
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith("PLAIN: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Malformed_ThrowsFormatExceptionWithTheError()
    {
        var ex = Assert.Throws<FormatException>(() => SaslPlain.Decode("dXNlcjpwYXNz"));

        Assert.Equal("PLAIN: expected authzid NUL user NUL password (2 NUL separators), found 0", ex.Message);
    }

    [Fact]
    public void Decode_SurroundingWhitespace_IsTolerated()
    {
        Assert.Equal("SomePassword", SaslPlain.Decode("  AG1vb25wb2ludEBleGFtcGxlLmNvbQBTb21lUGFzc3dvcmQ=\r\n").Password);
    }

    [Fact]
    public void PartsToString_HidesPassword()
    {
        var text = SaslPlain.Decode("AG1vb25wb2ludEBleGFtcGxlLmNvbQBTb21lUGFzc3dvcmQ=").ToString();

        Assert.DoesNotContain("SomePassword", text, StringComparison.Ordinal);
        Assert.Contains("moonpoint@example.com", text, StringComparison.Ordinal);
        Assert.Contains("****", text, StringComparison.Ordinal);
    }
}
