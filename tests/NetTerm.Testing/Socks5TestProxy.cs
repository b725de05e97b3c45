using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetTerm.Testing;

/// <summary>A small SOCKS5 server (RFC 1928/1929) that relays to loopback targets only, records every request, and can
/// require a user name and password or answer a failure code instead of connecting.</summary>
public sealed class Socks5TestProxy : IAsyncDisposable
{
    private readonly string? _user;
    private readonly string? _password;
    private readonly byte? _failWith;
    private readonly LoopbackServer _server;

    private Socks5TestProxy(string? user, string? password, byte? failWith)
    {
        _user = user;
        _password = password;
        _failWith = failWith;
        _server = LoopbackServer.Start(HandleAsync);
    }

    public int Port => _server.Port;

    public ConcurrentQueue<Socks5Request> Requests { get; } = new();

    /// <param name="user">When set, only username/password authentication with these credentials is accepted.</param>
    /// <param name="failWith">When set, every CONNECT is answered with this reply code.</param>
    public static Socks5TestProxy Start(string? user = null, string? password = null, byte? failWith = null) =>
        new(user, password, failWith);

    public Task<TcpClient> ConnectAsync(CancellationToken ct) => _server.ConnectAsync(ct);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(TcpClient client, CancellationToken ct)
    {
        var stream = client.GetStream();
        var head = await ReadAsync(stream, 2, ct);
        var methods = await ReadAsync(stream, head[1], ct);
        var wanted = _user is null ? (byte)0 : (byte)2;
        if (head[0] != 5 || Array.IndexOf(methods, wanted) < 0)
        {
            await stream.WriteAsync(new byte[] { 5, 0xFF }, ct);
            return;
        }

        await stream.WriteAsync(new byte[] { 5, wanted }, ct);
        string? user = null;
        string? password = null;
        if (wanted == 2)
        {
            var version = await ReadAsync(stream, 2, ct);
            user = Encoding.UTF8.GetString(await ReadAsync(stream, version[1], ct));
            var passwordLength = await ReadAsync(stream, 1, ct);
            password = Encoding.UTF8.GetString(await ReadAsync(stream, passwordLength[0], ct));
            var ok = user == _user && password == _password;
            await stream.WriteAsync(new byte[] { 1, ok ? (byte)0 : (byte)1 }, ct);
            if (!ok)
            {
                return;
            }
        }

        var request = await ReadAsync(stream, 4, ct);
        var host = request[3] switch
        {
            1 => new IPAddress(await ReadAsync(stream, 4, ct)).ToString(),
            4 => new IPAddress(await ReadAsync(stream, 16, ct)).ToString(),
            3 => Encoding.ASCII.GetString(await ReadAsync(stream, (await ReadAsync(stream, 1, ct))[0], ct)),
            _ => throw new InvalidOperationException("bad ATYP"),
        };
        var port = BinaryPrimitives.ReadUInt16BigEndian(await ReadAsync(stream, 2, ct));
        Requests.Enqueue(new Socks5Request(request[3], host, port, user, password));

        if (_failWith is { } code)
        {
            await stream.WriteAsync(new byte[] { 5, code, 0, 1, 0, 0, 0, 0, 0, 0 }, ct);
            return;
        }

        using var target = await Relay.ConnectLoopbackAsync(host, port, ct);
        if (target is null)
        {
            await stream.WriteAsync(new byte[] { 5, 5, 0, 1, 0, 0, 0, 0, 0, 0 }, ct);
            return;
        }

        // Reply with a domain-name bound address, the variable-length form the client must skip exactly.
        byte[] reply = [5, 0, 0, 3, 9, .. "localhost"u8, 0, 0];
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(reply.Length - 2), (ushort)port);
        await stream.WriteAsync(reply, ct);
        await Relay.RunAsync(stream, target.GetStream(), ct);
    }

    private static async Task<byte[]> ReadAsync(Stream stream, int count, CancellationToken ct)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, ct);
        return buffer;
    }
}
