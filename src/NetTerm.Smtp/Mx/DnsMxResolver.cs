using System.Globalization;
using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace NetTerm.Smtp.Mx;

/// <summary>
/// <see cref="IMxResolver"/> over DnsClient. MX exchanges are ordered by preference, then by name: RFC 5321 §5.1
/// asks senders to pick at random among equal preferences, which spreads load across a fleet; a person reading
/// the table (and a test) is better served by an order that does not change between runs. Each exchange's A and
/// AAAA records are looked up in parallel.
/// </summary>
internal sealed class DnsMxResolver : IMxResolver
{
    private readonly LookupClient _client;
    private readonly DnsResolverOptions _options;

    public DnsMxResolver(DnsResolverOptions? options = null)
    {
        _options = options ?? new DnsResolverOptions();
        var lookup = _options.Server is { } server ? new LookupClientOptions(server) : new LookupClientOptions();
        lookup.UseCache = false;
        lookup.Timeout = _options.Timeout;
        lookup.Retries = _options.Retries;
        lookup.ThrowDnsErrors = false;
        lookup.UseTcpFallback = true;
        _client = new LookupClient(lookup);
    }

    /// <summary>"127.0.0.1:5353", or "the system resolvers (…)".</summary>
    public string ServerText => _options.Server is { } s
        ? Format(s)
        : $"the system resolvers ({string.Join(", ", _client.NameServers.Select(n => Format(n)))})";

    public async Task<MailHostResolution> ResolveAsync(string domain, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        if (!TryAscii(domain, out var name))
        {
            return new(domain, MailHostOutcome.NoSuchDomain, [], $"'{domain}' is not a valid domain name", ServerText);
        }

        var (mx, failure) = await QueryAsync(name, QueryType.MX, ct).ConfigureAwait(false);
        if (failure is not null)
            return failure;
        var server = Format(mx!.NameServer);
        if (mx.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
            return new(name, MailHostOutcome.NoSuchDomain, [], $"{name}: no such domain (NXDOMAIN from {server})", server);

        var records = mx.Answers.MxRecords().ToList();
        if (records.Count > 0)
        {
            var exchanges = records
                .Where(r => !IsRoot(r.Exchange.Value))
                .OrderBy(r => r.Preference)
                .ThenBy(r => Trim(r.Exchange.Value), StringComparer.OrdinalIgnoreCase)
                .DistinctBy(r => Trim(r.Exchange.Value), StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (exchanges.Count == 0)
            {
                return new(name, MailHostOutcome.NullMx, [],
                    $"{name} accepts no mail: its MX is the null MX \".\" (RFC 7505)", server);
            }

            var hosts = await Task.WhenAll(exchanges.Select(r => ResolveHostAsync(Trim(r.Exchange.Value), r.Preference, ct))).ConfigureAwait(false);
            return new(name, MailHostOutcome.Mx, hosts, $"{name}: {hosts.Length} MX host(s)", server);
        }

        // RFC 5321 §5.1: no MX at all means the domain is its own mail host.
        var self = await ResolveHostAsync(name, null, ct).ConfigureAwait(false);
        return self.Addresses.Count > 0
            ? new(name, MailHostOutcome.AddressFallback, [self], $"{name}: no MX records; its own address takes mail (RFC 5321 §5.1)", server)
            : new(name, MailHostOutcome.NoMailHosts, [], $"{name}: no MX and no A/AAAA records ({self.AddressError})", server);
    }

    private async Task<MailHostCandidate> ResolveHostAsync(string host, int? preference, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            // Not allowed by RFC 5321 §5.1, but seen in the wild: show it rather than ask DNS about a number.
            return new(host, preference, [literal], null);
        }

        var a = QueryAsync(host, QueryType.A, ct);
        var aaaa = QueryAsync(host, QueryType.AAAA, ct);
        var results = await Task.WhenAll(a, aaaa).ConfigureAwait(false);
        var addresses = new List<IPAddress>();
        string? error = null;
        foreach (var (response, failure) in results)
        {
            if (failure is not null)
            {
                error ??= failure.Message;
                continue;
            }

            if (response!.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
            {
                error ??= $"{host}: no such host (NXDOMAIN)";
                continue;
            }

            addresses.AddRange(response.Answers.ARecords().Select(r => r.Address));
            addresses.AddRange(response.Answers.AaaaRecords().Select(r => r.Address));
        }

        return addresses.Count > 0
            ? new(host, preference, addresses, null)
            : new(host, preference, [], error ?? $"{host}: no A or AAAA records");
    }

    /// <summary>The response, or a resolution that says why there is none (timeout, SERVFAIL, unreachable).</summary>
    private async Task<(IDnsQueryResponse? Response, MailHostResolution? Failure)> QueryAsync(string name, QueryType type, CancellationToken ct)
    {
        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(name, type, QueryClass.IN, ct).ConfigureAwait(false);
        }
        catch (DnsResponseException) when (ct.IsCancellationRequested)
        {
            // DnsClient reports a cancelled query as a timeout; the caller asked to stop, so stop.
            throw new OperationCanceledException(ct);
        }
        catch (DnsResponseException ex) when (ex.Code == DnsResponseCode.ConnectionTimeout)
        {
            var seconds = _options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return (null, new(name, MailHostOutcome.TimedOut, [],
                $"DNS: no answer from {ServerText} for {name} {type} within {seconds} s ({_options.Retries + 1} tries)", ServerText));
        }
        catch (DnsResponseException ex)
        {
            return (null, new(name, MailHostOutcome.Failed, [], $"DNS: {name} {type}: {OneLine(ex.Message)} ({ServerText})", ServerText));
        }

        var code = response.Header.ResponseCode;
        if (code is DnsHeaderResponseCode.NoError or DnsHeaderResponseCode.NotExistentDomain)
            return (response, null);
        var server = Format(response.NameServer);
        return (null, new(name, MailHostOutcome.Failed, [], $"DNS: {server} answered {RcodeName(code)} for {name} {type}", server));
    }

    private static string RcodeName(DnsHeaderResponseCode code) => code switch
    {
        DnsHeaderResponseCode.ServerFailure => "SERVFAIL",
        DnsHeaderResponseCode.Refused => "REFUSED",
        DnsHeaderResponseCode.FormatError => "FORMERR",
        DnsHeaderResponseCode.NotImplemented => "NOTIMP",
        _ => $"RCODE {(int)code}",
    };

    private static bool TryAscii(string domain, out string ascii)
    {
        try
        {
            // Lower-cased before the mapping too: without ICU (invariant globalization) IdnMapping does not case-map.
            ascii = new IdnMapping().GetAscii(Trim(domain.Trim()).ToLowerInvariant());
            return true;
        }
        catch (ArgumentException)
        {
            ascii = domain;
            return false;
        }
    }

    private static bool IsRoot(string exchange) => exchange is "." or "";

    private static string Trim(string name) => name.EndsWith('.') && name.Length > 1 ? name[..^1] : name;

    private static string OneLine(string text) => Core.Text.Messages.OneLine(text);

    private static string Format(IPEndPoint endpoint) => endpoint.ToString();

    private static string Format(NameServer server) =>
        IPAddress.TryParse(server.Address, out var address) ? Format(new IPEndPoint(address, server.Port)) : server.ToString();
}
