using System.Net;
using NetTerm.Smtp.Mx;
using NetTerm.Testing.Dns;

namespace NetTerm.Smtp.Tests.Mx;

public sealed class DnsMxResolverTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static DnsMxResolver Resolver(DnsTestServer dns, double timeoutSeconds = 2) =>
        new(new DnsResolverOptions(dns.EndPoint) { Timeout = TimeSpan.FromSeconds(timeoutSeconds), Retries = 0 });

    [Fact]
    public async Task ResolveAsync_SeveralMx_PreferenceThenNameOrderWithAddresses()
    {
        await using var dns = DnsTestServer.Start()
            .Mx("example.test", 20, "backup.example.test")
            .Mx("example.test", 10, "mx-b.example.test")
            .Mx("example.test", 10, "mx-a.example.test")
            .Address("mx-a.example.test", "192.0.2.1")
            .Address("mx-a.example.test", "2001:db8::1")
            .Address("mx-b.example.test", "192.0.2.2")
            .Address("backup.example.test", "192.0.2.3");

        var result = await Resolver(dns).ResolveAsync("Example.TEST.", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(MailHostOutcome.Mx, result.Outcome);
        Assert.Equal("example.test", result.Domain);
        Assert.Equal(["mx-a.example.test", "mx-b.example.test", "backup.example.test"], result.Hosts.Select(h => h.Host));
        Assert.Equal([10, 10, 20], result.Hosts.Select(h => h.Preference!.Value));
        Assert.Equal([IPAddress.Parse("192.0.2.1"), IPAddress.Parse("2001:db8::1")], result.Hosts[0].Addresses);
        Assert.Equal(dns.ServerAddress, result.Server);
    }

    [Fact]
    public async Task ResolveAsync_NoMx_FallsBackToDomainAddress()
    {
        await using var dns = DnsTestServer.Start().Address("plain.test", "192.0.2.7");

        var result = await Resolver(dns).ResolveAsync("plain.test", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(MailHostOutcome.AddressFallback, result.Outcome);
        var host = Assert.Single(result.Hosts);
        Assert.Equal("plain.test", host.Host);
        Assert.Null(host.Preference);
        Assert.Equal([IPAddress.Parse("192.0.2.7")], host.Addresses);
        Assert.Contains("RFC 5321", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_NullMx_AcceptsNoMail()
    {
        await using var dns = DnsTestServer.Start().Mx("nomail.test", 0, ".").Address("nomail.test", "192.0.2.9");

        var result = await Resolver(dns).ResolveAsync("nomail.test", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(MailHostOutcome.NullMx, result.Outcome);
        Assert.False(result.HasHosts);
        Assert.Equal("nomail.test accepts no mail: its MX is the null MX \".\" (RFC 7505)", result.Message);
        // The A record must not be used as a fallback: the null MX is an answer, not an absence.
        Assert.DoesNotContain(dns.Queries, q => q.Type == DnsWire.TypeA);
    }

    [Fact]
    public async Task ResolveAsync_NxDomain_NoSuchDomain()
    {
        await using var dns = DnsTestServer.Start();

        var result = await Resolver(dns).ResolveAsync("missing.test", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(MailHostOutcome.NoSuchDomain, result.Outcome);
        Assert.Equal($"missing.test: no such domain (NXDOMAIN from {dns.ServerAddress})", result.Message);
    }

    [Fact]
    public async Task ResolveAsync_ExistsWithoutRecords_NoMailHosts()
    {
        await using var dns = DnsTestServer.Start().Exists("empty.test");

        var result = await Resolver(dns).ResolveAsync("empty.test", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(MailHostOutcome.NoMailHosts, result.Outcome);
        Assert.StartsWith("empty.test: no MX and no A/AAAA records", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_ServFail_OneLineFailure()
    {
        await using var dns = DnsTestServer.Start().Behave("broken.test", DnsTestBehavior.ServFail);

        var result = await Resolver(dns).ResolveAsync("broken.test", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(MailHostOutcome.Failed, result.Outcome);
        Assert.Equal($"DNS: {dns.ServerAddress} answered SERVFAIL for broken.test MX", result.Message);
    }

    [Fact]
    public async Task ResolveAsync_NoAnswer_TimesOutWithOneLine()
    {
        await using var dns = DnsTestServer.Start().Behave("silent.test", DnsTestBehavior.Drop);

        var result = await Resolver(dns, timeoutSeconds: 0.3).ResolveAsync("silent.test", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(MailHostOutcome.TimedOut, result.Outcome);
        Assert.Equal($"DNS: no answer from {dns.ServerAddress} for silent.test MX within 0.3 s (1 tries)", result.Message);
        Assert.DoesNotContain('\n', result.Message);
    }

    [Fact]
    public async Task ResolveAsync_TruncatedUdp_RetriesOverTcp()
    {
        await using var dns = DnsTestServer.Start()
            .Mx("big.test", 5, "mx.big.test")
            .Address("mx.big.test", "192.0.2.5")
            .Behave("big.test", DnsTestBehavior.TruncateUdp);

        var result = await Resolver(dns).ResolveAsync("big.test", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(MailHostOutcome.Mx, result.Outcome);
        Assert.Equal("mx.big.test", Assert.Single(result.Hosts).Host);
        Assert.Contains(dns.Queries, q => q is { Name: "big.test", Type: DnsWire.TypeMx, Tcp: true });
    }

    [Fact]
    public async Task ResolveAsync_MxHostWithoutAddress_KeptWithReason()
    {
        await using var dns = DnsTestServer.Start()
            .Mx("half.test", 10, "gone.half.test")
            .Mx("half.test", 20, "ok.half.test")
            .Address("ok.half.test", "192.0.2.4");

        var result = await Resolver(dns).ResolveAsync("half.test", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(2, result.Hosts.Count);
        Assert.Empty(result.Hosts[0].Addresses);
        Assert.Equal("gone.half.test: no such host (NXDOMAIN)", result.Hosts[0].AddressError);
        Assert.Null(result.Hosts[1].AddressError);
    }

    [Fact]
    public async Task ResolveAsync_Cancelled_Throws()
    {
        await using var dns = DnsTestServer.Start().Behave("silent.test", DnsTestBehavior.Drop);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Resolver(dns, timeoutSeconds: 10).ResolveAsync("silent.test", cts.Token).WaitAsync(Patience));
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:53")]
    [InlineData("127.0.0.1:5353", "127.0.0.1:5353")]
    [InlineData("::1", "[::1]:53")]
    [InlineData("[::1]:5353", "[::1]:5353")]
    public void TryParseServer_Forms_Parsed(string text, string expected)
    {
        Assert.True(DnsResolverOptions.TryParseServer(text, out var server));
        Assert.Equal(expected, server!.ToString());
    }

    [Theory]
    [InlineData("dns.example")]
    [InlineData("1")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("")]
    public void TryParseServer_NotAnAddress_False(string text) =>
        Assert.False(DnsResolverOptions.TryParseServer(text, out _));
}
