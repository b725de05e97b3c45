using System.Net;
using System.Net.Sockets;

namespace NetTerm.Testing;

/// <summary>
/// A port whose SYNs are dropped: a listener that never accepts, with its backlog filled. On Linux a listener that
/// never accepts still completes handshakes until its accept queue is full; after that the kernel drops SYNs, which
/// is exactly what a firewalled port looks like to a client.
/// </summary>
public sealed class BlackholeListener : IDisposable
{
    private readonly Socket _listener;
    private readonly List<Socket> _fillers = [];

    private BlackholeListener(Socket listener) => _listener = listener;

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public static BlackholeListener Start()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(0);
        var hole = new BlackholeListener(socket);
        hole.Fill();
        return hole;
    }

    private void Fill()
    {
        for (var i = 0; i < 16; i++)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _fillers.Add(client);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            try
            {
                client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), cts.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                return; // this one hung: the queue is full and SYNs are being dropped
            }
        }

        throw new InvalidOperationException("could not fill the listen backlog");
    }

    public void Dispose()
    {
        foreach (var s in _fillers)
        {
            s.Dispose();
        }

        _listener.Dispose();
    }
}
