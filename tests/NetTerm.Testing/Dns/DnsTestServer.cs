using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NetTerm.Testing.Dns;

/// <summary>
/// An authoritative-looking DNS server on 127.0.0.1, UDP and TCP on the same port, answering A, AAAA and MX
/// queries from a table. A name not in the table is NXDOMAIN; a name in it without records of the asked type
/// gets an empty NOERROR answer. Per-name behaviours make the failures (SERVFAIL, silence, truncation).
/// </summary>
public sealed class DnsTestServer : IAsyncDisposable
{
    private readonly Socket _udp;
    private readonly TcpListener _tcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, List<DnsTestRecord>> _records = new();
    private readonly ConcurrentDictionary<string, DnsTestBehavior> _behaviors = new();
    private readonly ConcurrentQueue<(string Name, ushort Type, bool Tcp)> _queries = new();
    private readonly Task _udpLoop;
    private readonly Task _tcpLoop;

    private DnsTestServer(Socket udp, TcpListener tcp)
    {
        _udp = udp;
        _tcp = tcp;
        _udpLoop = UdpLoopAsync(_stop.Token);
        _tcpLoop = TcpLoopAsync(_stop.Token);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_udp.LocalEndPoint!;

    /// <summary>"127.0.0.1:PORT", as `--dns-server` takes it.</summary>
    public string ServerAddress => $"127.0.0.1:{EndPoint.Port}";

    /// <summary>Every query received, in order: name, type, and whether it came over TCP.</summary>
    public IReadOnlyList<(string Name, ushort Type, bool Tcp)> Queries => [.. _queries];

    public static DnsTestServer Start()
    {
        // UDP and TCP must share the port number; retry on the rare clash with another test's listener.
        for (var attempt = 0; ; attempt++)
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var tcp = new TcpListener(IPAddress.Loopback, ((IPEndPoint)udp.LocalEndPoint!).Port);
            try
            {
                tcp.Start();
                return new DnsTestServer(udp, tcp);
            }
            catch (SocketException) when (attempt < 20)
            {
                udp.Dispose();
            }
        }
    }

    public DnsTestServer Mx(string name, ushort preference, string exchange) =>
        Add(new DnsTestRecord(DnsWire.Normalize(name), DnsWire.TypeMx, DnsWire.MxData(preference, exchange)));

    /// <summary>An A or AAAA record, by the address's family.</summary>
    public DnsTestServer Address(string name, string address)
    {
        var ip = IPAddress.Parse(address);
        var type = ip.AddressFamily == AddressFamily.InterNetwork ? DnsWire.TypeA : DnsWire.TypeAaaa;
        return Add(new DnsTestRecord(DnsWire.Normalize(name), type, ip.GetAddressBytes()));
    }

    /// <summary>A name that exists with no records (NOERROR, empty answers).</summary>
    public DnsTestServer Exists(string name)
    {
        _records.GetOrAdd(DnsWire.Normalize(name), _ => []);
        return this;
    }

    public DnsTestServer Behave(string name, DnsTestBehavior behavior)
    {
        _behaviors[DnsWire.Normalize(name)] = behavior;
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        _tcp.Stop();
        await Task.WhenAll(_udpLoop, _tcpLoop).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private DnsTestServer Add(DnsTestRecord record)
    {
        var list = _records.GetOrAdd(record.Name, _ => []);
        lock (list)
            list.Add(record);
        return this;
    }

    /// <summary>The response bytes, or null to stay silent.</summary>
    private byte[]? Answer(ReadOnlySpan<byte> query, bool tcp)
    {
        if (!DnsWire.TryReadQuestion(query, out _, out _, out var name, out var type, out var questionEnd))
            return null;
        _queries.Enqueue((name, type, tcp));
        var behavior = _behaviors.GetValueOrDefault(name, DnsTestBehavior.Answer);
        if (behavior == DnsTestBehavior.Answer && !_records.ContainsKey(name))
            behavior = DnsTestBehavior.NxDomain;
        switch (behavior)
        {
            case DnsTestBehavior.Drop:
                return null;
            case DnsTestBehavior.NxDomain:
                return DnsWire.Response(query, questionEnd, 3, false, []);
            case DnsTestBehavior.ServFail:
                return DnsWire.Response(query, questionEnd, 2, false, []);
            case DnsTestBehavior.Refused:
                return DnsWire.Response(query, questionEnd, 5, false, []);
            case DnsTestBehavior.TruncateUdp when !tcp:
                return DnsWire.Response(query, questionEnd, 0, true, []);
        }

        var list = _records.GetValueOrDefault(name) ?? [];
        DnsTestRecord[] matching;
        lock (list)
            matching = [.. list.Where(r => r.Type == type)];
        return DnsWire.Response(query, questionEnd, 0, false, matching);
    }

    private async Task UdpLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[4096];
        while (!ct.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (ct.IsCancellationRequested || ex is ObjectDisposedException)
                    return;
                continue; // ICMP port unreachable from an earlier reply: keep serving.
            }

            if (Answer(buffer.AsSpan(0, received.ReceivedBytes), tcp: false) is { } response)
                await _udp.SendToAsync(response, SocketFlags.None, received.RemoteEndPoint, ct);
        }
    }

    private async Task TcpLoopAsync(CancellationToken ct)
    {
        var connections = new List<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var client = await _tcp.AcceptTcpClientAsync(ct);
                connections.Add(ServeTcpAsync(client, ct));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ServeTcpAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        var stream = client.GetStream();
        var prefix = new byte[2];
        try
        {
            while (true)
            {
                await stream.ReadExactlyAsync(prefix, ct);
                var query = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
                await stream.ReadExactlyAsync(query, ct);
                if (Answer(query, tcp: true) is not { } response)
                    continue;
                var framed = new byte[response.Length + 2];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)response.Length);
                response.CopyTo(framed, 2);
                await stream.WriteAsync(framed, ct);
            }
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or OperationCanceledException or ObjectDisposedException)
        {
            // The client closed, or we are stopping.
        }
    }
}
