using NetTerm.Core.Transport;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Transport;

public sealed class CertificateValidatorTests(TestCertificates certs) : IClassFixture<TestCertificates>
{
    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("mx.peers.test", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("::1", true)]
    [InlineData("127.0.0.2", false)]
    [InlineData("other.test", false)]
    [InlineData("", false)]
    public void MatchesName_Leaf_MatchesSansOnly(string name, bool expected)
    {
        Assert.Equal(expected, CertificateValidator.MatchesName(certs.Leaf, name));
    }

    [Fact]
    public void Validate_ExpiredAndWrongName_NamesBothChecks()
    {
        var error = CertificateValidator.Validate(certs.Expired, [], "other.test", [certs.Ca], DateTimeOffset.UtcNow);

        Assert.Equal(
            "certificate expired on 2024-01-01; certificate name mismatch: it is for localhost, mx.peers.test, "
            + "127.0.0.1, ::1 but you connected to other.test",
            error);
    }

    [Fact]
    public void Validate_AtTimeInsideValidity_Passes()
    {
        var during2023 = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Null(CertificateValidator.Validate(certs.Expired, [], "localhost", [certs.Ca], during2023));
    }
}
