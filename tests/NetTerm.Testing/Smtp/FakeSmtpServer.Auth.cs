using System.Text;

namespace NetTerm.Testing.Smtp;

public sealed partial class FakeSmtpServer
{
    private async Task<bool> AuthAsync(Stream stream, LineReader reader, string line, CancellationToken ct)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var mechanism = parts.Length > 1 ? parts[1].ToUpperInvariant() : string.Empty;
        string? user = null, password = null;
        switch (mechanism)
        {
            case "PLAIN":
                var initial = parts.Length > 2 ? parts[2] : await ChallengeAsync(stream, reader, string.Empty, ct);
                var fields = Decode(initial)?.Split('\0');
                if (fields is { Length: 3 })
                {
                    (user, password) = (fields[1], fields[2]);
                }

                break;
            case "LOGIN":
                user = Decode(await ChallengeAsync(stream, reader, "VXNlcm5hbWU6", ct));
                password = Decode(await ChallengeAsync(stream, reader, "UGFzc3dvcmQ6", ct));
                break;
            default:
                await WriteAsync(stream, "504 5.5.4 Unrecognized authentication type", ct);
                return false;
        }

        var ok = user == _options.User && password == _options.Password;
        await WriteAsync(stream, ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Error: authentication failed", ct);
        return ok;
    }

    private static async Task<string> ChallengeAsync(Stream stream, LineReader reader, string challenge, CancellationToken ct)
    {
        await WriteAsync(stream, "334 " + challenge, ct);
        return await reader.ReadLineAsync(ct) ?? string.Empty;
    }

    private static string? Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Reads CRLF lines byte by byte, so nothing past a line is consumed before a TLS switch.</summary>
    private sealed class LineReader(Stream stream, FakeSmtpServer owner)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public int Buffered => _end - _start;

        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await stream.ReadAsync(_buffer, ct);
                    if (_end == 0)
                    {
                        return null;
                    }
                }

                var b = _buffer[_start++];
                if (b == '\n')
                {
                    var text = Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
                    owner.Received.Enqueue(text);
                    return text;
                }

                line.Add(b);
            }
        }
    }
}
