using System.Net;
using System.Net.Sockets;

namespace NetTerm.Testing;

/// <summary>A loopback TCP server that runs a script against each accepted connection; for the cases a real
/// peer cannot be made to do (inject, stall, reset).</summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public ScriptedServer(Func<Socket, CancellationToken, Task> script)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync(script);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Faults of the scripts, so a test can assert the server side ran as planned.</summary>
    public List<Exception> Errors { get; } = [];

    private async Task AcceptAsync(Func<Socket, CancellationToken, Task> script)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                _ = Task.Run(async () =>
                {
                    using (socket)
                    {
                        try
                        {
                            await script(socket, _stop.Token);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            lock (Errors)
                            {
                                Errors.Add(ex);
                            }
                        }
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

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
}
