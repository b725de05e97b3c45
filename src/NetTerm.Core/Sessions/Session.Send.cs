using System.Buffers;
using System.Net.Sockets;
using System.Net.Security;

namespace NetTerm.Core.Sessions;

public sealed partial class Session
{
    /// <summary>Sends one line with the configured ending. While the server has taken echo away the line is
    /// published as hidden (its length only), since that is where passwords are typed.</summary>
    public Task SendLineAsync(string line, CancellationToken ct) => SendLineAsync(line, null, ct);

    /// <summary>Sends one line; <paramref name="shownAs"/> replaces it in the published event (a profile masking a
    /// credential), so no consumer of the event stream ever holds the secret.</summary>
    public async Task SendLineAsync(string line, string? shownAs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(line);
        var ending = Options.LineEnding switch
        {
            LineEnding.Lf => "\n",
            LineEnding.Cr => "\r",
            _ => "\r\n",
        };
        var hidden = RemoteEcho;
        var sent = new LineSentEvent(hidden ? string.Empty : shownAs ?? line, line.Length, hidden, IsTls) { Redacted = shownAs is not null };
        await SendEncodedAsync(Options.Encoding.GetBytes(line + ending), ct, sent).ConfigureAwait(false);
    }

    /// <summary>Sends text as typed (character mode keys); no line ending is added.</summary>
    public async Task SendTextAsync(string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Options.Encoding.GetBytes(text);
        await SendEncodedAsync(bytes, ct).ConfigureAwait(false);
        await PublishAsync(new BytesSentEvent(bytes, RemoteEcho, IsTls)).ConfigureAwait(false);
    }

    /// <summary>Sends application bytes exactly (telnet mode still doubles IAC). No event: this is the bulk path.</summary>
    public Task SendBytesAsync(ReadOnlyMemory<byte> data, CancellationToken ct) => SendEncodedAsync(data, ct);

    private async Task SendEncodedAsync(ReadOnlyMemory<byte> data, CancellationToken ct, SessionEvent? announce = null)
    {
        if (_telnet is null)
        {
            await WriteRawAsync(data, ct, announce).ConfigureAwait(false);
            return;
        }

        var encoded = new ArrayBufferWriter<byte>(data.Length + 16);
        _telnet.EncodeData(data.Span, encoded);
        await WriteRawAsync(encoded.WrittenMemory, ct, announce).ConfigureAwait(false);
    }

    /// <param name="announce">Published under the write lock just before the bytes go out: published after the
    /// write, a fast server's reply could reach the event stream first, and the sent line would show below its
    /// answer. Should the write fail, the ClosedEvent that follows says so.</param>
    private async Task WriteRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct, SessionEvent? announce = null)
    {
        var stream = _stream ?? throw new InvalidOperationException("not connected");
        if (IsClosed)
        {
            throw new IOException("the connection is closed");
        }

        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (announce is not null)
            {
                await PublishAsync(announce).ConfigureAwait(false);
            }

            await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
            await stream.FlushAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }

        Interlocked.Add(ref _bytesOut, bytes.Length);
        Touch();
    }

    /// <summary>End of the user's input: half-close a plaintext connection, or send TLS close_notify, so the server
    /// sees EOF while its last replies can still arrive.</summary>
    public async Task ShutdownSendAsync(CancellationToken ct)
    {
        if (_stream is null || IsClosed)
        {
            return;
        }

        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_stream is SslStream ssl)
            {
                await ssl.ShutdownAsync().ConfigureAwait(false);
            }

            _socket?.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The peer may already be gone; the read loop reports how the connection ended.
        }
        finally
        {
            _writeLock.Release();
        }

        await PublishAsync(new InfoEvent(IsTls ? "sent TLS close_notify and half-closed" : "half-closed (sent EOF)"))
            .ConfigureAwait(false);
    }
}
