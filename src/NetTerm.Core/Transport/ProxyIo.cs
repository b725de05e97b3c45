namespace NetTerm.Core.Transport;

/// <summary>Reads and writes for proxy handshakes: exact-length reads only (so a hostile proxy decides nothing about how
/// much we allocate), failures as one-line <see cref="ConnectException"/>s, and cancellation that works even on a
/// stream that ignores its token.</summary>
internal static class ProxyIo
{
    /// <summary>Runs a handshake; cancelling <paramref name="ct"/> disposes <paramref name="stream"/> so that no read can
    /// outlive the caller's patience.</summary>
    public static async Task<T> RunAsync<T>(Stream stream, Func<Task<T>> handshake, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var registration = ct.Register(static s => ((Stream)s!).Dispose(), stream);
        T result;
        try
        {
            result = await handshake();
        }
        catch (Exception ex) when (ct.IsCancellationRequested && ex is not OperationCanceledException)
        {
            throw new OperationCanceledException("proxy handshake cancelled", ex, ct);
        }
        finally
        {
            await registration.DisposeAsync();
        }

        // Cancellation may have won the race after the last read and disposed the stream.
        ct.ThrowIfCancellationRequested();
        return result;
    }

    public static async Task ReadExactAsync(Stream stream, Memory<byte> buffer, string phase, CancellationToken ct)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, ct);
        }
        catch (EndOfStreamException ex)
        {
            throw new ConnectException(ConnectFailure.Proxy, $"proxy: closed the connection during {phase}", ex);
        }
        catch (IOException ex) when (!ct.IsCancellationRequested)
        {
            throw new ConnectException(
                ConnectFailure.Proxy,
                $"proxy: connection lost during {phase}: {TrustAnchors.FirstLine(ex.Message)}",
                ex);
        }
    }

    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> data, string phase, CancellationToken ct)
    {
        try
        {
            await stream.WriteAsync(data, ct);
            await stream.FlushAsync(ct);
        }
        catch (IOException ex) when (!ct.IsCancellationRequested)
        {
            throw new ConnectException(
                ConnectFailure.Proxy,
                $"proxy: connection lost during {phase}: {TrustAnchors.FirstLine(ex.Message)}",
                ex);
        }
    }
}
