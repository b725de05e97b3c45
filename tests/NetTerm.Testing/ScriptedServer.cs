using System.Net.Sockets;

namespace NetTerm.Testing;

/// <summary>A loopback TCP server that runs a script against each accepted connection; for the cases a real
/// peer cannot be made to do (inject, stall, reset). Unlike a bare <see cref="LoopbackServer"/>, it keeps the
/// scripts' faults.</summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    public ScriptedServer(Func<Socket, CancellationToken, Task> script)
    {
        ArgumentNullException.ThrowIfNull(script);
        _server = LoopbackServer.Start((client, ct) => RunAsync(script, client.Client, ct));
    }

    public int Port => _server.Port;

    /// <summary>Faults of the scripts, so a test can assert the server side ran as planned.</summary>
    public List<Exception> Errors { get; } = [];

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>Reads until <paramref name="count"/> bytes or EOF.</summary>
    public static async Task<byte[]> ReadAtLeastAsync(Socket socket, int count, CancellationToken ct)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), ct);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return buffer[..read];
    }

    private async Task RunAsync(Func<Socket, CancellationToken, Task> script, Socket socket, CancellationToken ct)
    {
        try
        {
            await script(socket, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            lock (Errors)
            {
                Errors.Add(ex);
            }
        }
    }
}
