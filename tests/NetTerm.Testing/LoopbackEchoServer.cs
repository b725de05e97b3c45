using System.Net.Sockets;

namespace NetTerm.Testing;

/// <summary>Sends an optional greeting on connect, then echoes every byte back.</summary>
public sealed class LoopbackEchoServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private LoopbackEchoServer(byte[] greeting) =>
        _server = LoopbackServer.Start((client, ct) => EchoAsync(client, greeting, ct));

    public int Port => _server.Port;

    public static LoopbackEchoServer Start(byte[]? greeting = null) => new(greeting ?? []);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task EchoAsync(TcpClient client, byte[] greeting, CancellationToken ct)
    {
        var stream = client.GetStream();
        if (greeting.Length > 0)
        {
            await stream.WriteAsync(greeting, ct);
        }

        await stream.CopyToAsync(stream, ct);
    }
}
