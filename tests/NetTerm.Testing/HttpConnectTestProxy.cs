using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace NetTerm.Testing;

/// <summary>A small HTTP CONNECT proxy that relays to loopback targets only and records each request header. It sends
/// its 200 response and the target's first bytes in ONE write, so a client that reads ahead of the blank line loses
/// the greeting and the test sees it.</summary>
public sealed class HttpConnectTestProxy : IAsyncDisposable
{
    private readonly string? _basicToken;
    private readonly string? _failStatus;
    private readonly LoopbackServer _server;

    private HttpConnectTestProxy(string? user, string? password, string? failStatus)
    {
        _basicToken = user is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        _failStatus = failStatus;
        _server = LoopbackServer.Start(HandleAsync);
    }

    public int Port => _server.Port;

    /// <summary>Each request header as received, CRLFs included.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <param name="user">When set, requests without matching Basic credentials get 407.</param>
    /// <param name="failStatus">When set, e.g. "403 Forbidden", every CONNECT gets this status.</param>
    public static HttpConnectTestProxy Start(string? user = null, string? password = null, string? failStatus = null) =>
        new(user, password, failStatus);

    public Task<TcpClient> ConnectAsync(CancellationToken ct) => _server.ConnectAsync(ct);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(TcpClient client, CancellationToken ct)
    {
        var stream = client.GetStream();
        var header = await ReadHeaderAsync(stream, ct);
        Requests.Enqueue(header);
        var lines = header.Split("\r\n");
        var target = lines[0].Split(' ')[1];
        var colon = target.LastIndexOf(':');
        var host = target[..colon].Trim('[', ']');
        var port = int.Parse(target[(colon + 1)..], CultureInfo.InvariantCulture);

        if (_basicToken is not null && !lines.Contains($"Proxy-Authorization: Basic {_basicToken}"))
        {
            await WriteAsync(stream, "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n", [], ct);
            return;
        }

        if (_failStatus is not null)
        {
            await WriteAsync(stream, $"HTTP/1.1 {_failStatus}\r\nContent-Length: 0\r\n\r\n", [], ct);
            return;
        }

        using var upstream = await Relay.ConnectLoopbackAsync(host, port, ct);
        if (upstream is null)
        {
            await WriteAsync(stream, "HTTP/1.1 502 Bad Gateway\r\n\r\n", [], ct);
            return;
        }

        var targetStream = upstream.GetStream();
        var first = await FirstBytesAsync(targetStream, ct);
        await WriteAsync(stream, "HTTP/1.1 200 Connection established\r\nProxy-Agent: netterm-test\r\n\r\n", first, ct);
        await Relay.RunAsync(stream, targetStream, ct);
    }

    /// <summary>Whatever the target sends within a moment of connecting (its greeting), or nothing.</summary>
    private static async Task<byte[]> FirstBytesAsync(NetworkStream target, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromMilliseconds(500));
        var buffer = new byte[4096];
        try
        {
            var read = await target.ReadAsync(buffer, wait.Token);
            return buffer[..read];
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return [];
        }
    }

    private static async Task WriteAsync(Stream stream, string header, byte[] tail, CancellationToken ct)
    {
        byte[] data = [.. Encoding.ASCII.GetBytes(header), .. tail];
        await stream.WriteAsync(data, ct);
    }

    private static async Task<string> ReadHeaderAsync(Stream stream, CancellationToken ct)
    {
        var data = new List<byte>();
        var one = new byte[1];
        while (data.Count < 16384)
        {
            await stream.ReadExactlyAsync(one, ct);
            data.Add(one[0]);
            if (data.Count >= 4 && data[^1] == '\n' && data[^2] == '\r' && data[^3] == '\n' && data[^4] == '\r')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString([.. data]);
    }
}
