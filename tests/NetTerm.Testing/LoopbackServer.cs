using System.Net;
using System.Net.Sockets;

namespace NetTerm.Testing;

/// <summary>A TCP listener on 127.0.0.1 with an ephemeral port that runs a handler per connection until disposed.
/// The building block of the other test servers, and on its own a scripted server for hostile-peer tests.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<TcpClient, CancellationToken, Task> _handler;
    private readonly List<Task> _connections = [];
    private readonly Task _acceptLoop;

    private LoopbackServer(Func<TcpClient, CancellationToken, Task> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Handler exceptions are swallowed: a server side that fails is part of what tests provoke.</summary>
    public static LoopbackServer Start(Func<TcpClient, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new LoopbackServer(handler);
    }

    /// <summary>A connected client socket to this server.</summary>
    public async Task<TcpClient> ConnectAsync(CancellationToken ct)
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] running;
        lock (_connections)
        {
            running = [.. _connections, _acceptLoop];
        }

        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            lock (_connections)
            {
                // Off the accept loop, so a handler that blocks before its first await does not stop the next accept.
                _connections.Add(Task.Run(() => RunAsync(client)));
            }
        }
    }

    private async Task RunAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await _handler(client, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException
                                           or ObjectDisposedException or InvalidOperationException
                                           or System.Security.Authentication.AuthenticationException)
            {
                // The peer went away or the test ended; the client side asserts what matters.
            }
        }
    }
}
