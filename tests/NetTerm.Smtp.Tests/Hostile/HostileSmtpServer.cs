using System.Net.Sockets;
using System.Text;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Hostile;

/// <summary>A line-oriented SMTP server script for misbehaving peers: read a command line, write raw bytes.</summary>
internal sealed class HostileSmtpServer : IAsyncDisposable
{
    private readonly ScriptedServer _server;

    public HostileSmtpServer(Func<HostileSmtpServer.Conversation, Task> script) =>
        _server = new ScriptedServer((socket, ct) => script(new Conversation(socket, ct)));

    public int Port => _server.Port;

    public List<Exception> Errors => _server.Errors;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    internal sealed class Conversation(Socket socket, CancellationToken ct)
    {
        private readonly List<byte> _pending = [];

        public Socket Socket { get; } = socket;

        public CancellationToken Token { get; } = ct;

        public List<string> Received { get; } = [];

        public Task SendAsync(string text) => Socket.SendAsync(Encoding.UTF8.GetBytes(text), SocketFlags.None, Token).AsTask();

        public Task SendAsync(byte[] bytes) => Socket.SendAsync(bytes, SocketFlags.None, Token).AsTask();

        /// <summary>The next CRLF-terminated line from the client, or null at EOF.</summary>
        public async Task<string?> ReadLineAsync()
        {
            var buffer = new byte[1];
            while (true)
            {
                var crlf = FindCrLf();
                if (crlf >= 0)
                {
                    var line = Encoding.UTF8.GetString([.. _pending.Take(crlf)]);
                    _pending.RemoveRange(0, crlf + 2);
                    Received.Add(line);
                    return line;
                }

                if (await Socket.ReceiveAsync(buffer, SocketFlags.None, Token) == 0)
                {
                    return null;
                }

                _pending.Add(buffer[0]);
            }
        }

        /// <summary>Reads lines until one starts with <paramref name="prefix"/> (case-insensitive).</summary>
        public async Task<string?> ExpectAsync(string prefix)
        {
            while (await ReadLineAsync() is { } line)
            {
                if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return line;
                }
            }

            return null;
        }

        /// <summary>Closes with RST instead of FIN.</summary>
        public void Reset()
        {
            Socket.LingerState = new LingerOption(true, 0);
            Socket.Close();
        }

        private int FindCrLf()
        {
            for (var i = 0; i + 1 < _pending.Count; i++)
            {
                if (_pending[i] == '\r' && _pending[i + 1] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
