using System.Net.Security;
using System.Text;
using NetTerm.Core.Terminal;
using NetTerm.Core.Transport;

namespace NetTerm.Core.Sessions;

public sealed partial class Session
{
    private static readonly TimeSpan PauseWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Upgrades the live plaintext connection to TLS in place (STARTTLS). Call it while the read loop is paused at a
    /// frame boundary by the <see cref="InboundObserver"/>. It refuses, and closes the connection, when any received
    /// byte is still unconsumed, in our buffer or already waiting in the socket: the server (or someone in the path)
    /// sent data that would otherwise be read as if it came under TLS (CVE-2011-0411, RFC 3207 §4.2).
    /// </summary>
    /// <remarks>It may be called from inside <see cref="IInboundObserver.OnInbound"/> (on another thread): it then
    /// waits, briefly, for the read loop to record the pause the observer is about to return.</remarks>
    public async Task UpgradeToTlsAsync(TlsOptions tls, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tls);
        if (!_paused && !IsClosed)
        {
            try
            {
                await _pauseReached.Task.WaitAsync(PauseWait, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Not paused: refused below.
            }
        }

        if (_stream is null || IsClosed)
        {
            throw new InvalidOperationException("not connected");
        }

        if (_stream is SslStream)
        {
            throw new InvalidOperationException("the session is already under TLS");
        }

        if (!_paused)
        {
            throw new InvalidOperationException("a TLS upgrade needs the read loop paused at a frame boundary");
        }

        var pending = HeldBytes + (_socket?.Available ?? 0);
        if (pending > 0)
        {
            var preview = Encoding.Latin1.GetString(_heldPreview);
            var message = $"possible STARTTLS injection: {pending} byte(s) arrived after the reply and before the TLS "
                + "handshake; connection closed" + (preview.Length > 0 ? $" (they began \"{ControlEscaper.Escape(preview, ControlEscaperOptions.Transcript)}\")" : string.Empty);
            await CloseCoreAsync(message, ConnectFailure.StartTlsInjection, byPeer: false).ConfigureAwait(false);
            throw new ConnectException(ConnectFailure.StartTlsInjection, message);
        }

        try
        {
            await HandshakeAsync(_stream, tls, upgrade: true, ct).ConfigureAwait(false);
        }
        catch (ConnectException ex)
        {
            await CloseCoreAsync(ex.Message, ex.Failure, byPeer: false).ConfigureAwait(false);
            throw;
        }

        _resume.TrySetResult();
    }
}
