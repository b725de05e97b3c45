using System.Buffers;
using System.Net.Sockets;
using NetTerm.Core.Telnet;

namespace NetTerm.Core.Sessions;

public sealed partial class Session : ITelnetEngineObserver
{
    private readonly List<SessionEvent> _telnetNotices = [];

    private async ValueTask StartTelnetAsync(bool announce, CancellationToken ct)
    {
        var o = Options;
        // Sending in BINARY makes telnetd pass our CR LF to the pty untranslated, where it becomes two line ends
        // (a login then reads an empty password). Line-oriented use keeps NVT sending unless --binary asked for it.
        var policy = o.RequestBinary ? OptionPolicy.Default : OptionPolicy.Default.Deny(TelnetOption.Binary, local: true);
        _telnet = new TelnetEngine(
            new TelnetEngineOptions(o.TerminalType, announce, o.RequestBinary, o.Columns, o.Rows, policy),
            this);
        var start = new ArrayBufferWriter<byte>(64);
        _telnet.Start(start);
        if (start.WrittenCount > 0)
        {
            await WriteRawAsync(start.WrittenMemory, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a telnet command (AYT, IP, AO, BRK, EC, EL, GA, NOP, SYNCH as DM). Ignored outside telnet mode.</summary>
    public async Task SendTelnetCommandAsync(TelnetCommand command, CancellationToken ct)
    {
        if (_telnet is null)
        {
            throw new InvalidOperationException("not a telnet session");
        }

        var buffer = new ArrayBufferWriter<byte>(4);
        TelnetEngine.WriteCommand(command, buffer);
        if (command == TelnetCommand.DM && !IsTls && _socket is { } socket)
        {
            // SYNCH: the DM goes as TCP urgent data so the server can discard what it has queued (RFC 854).
            // TLS has no urgent channel, so there the DM travels in band.
            await _writeLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await _stream!.FlushAsync(ct).ConfigureAwait(false);
                await socket.SendAsync(buffer.WrittenMemory, SocketFlags.OutOfBand, ct).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }

            Interlocked.Add(ref _bytesOut, buffer.WrittenCount);
        }
        else
        {
            await WriteRawAsync(buffer.WrittenMemory, ct).ConfigureAwait(false);
        }

        await PublishAsync(new BytesSentEvent(buffer.WrittenMemory.ToArray(), false, IsTls, $"IAC {command}")).ConfigureAwait(false);
    }

    /// <summary>The view was resized: telnet sends NAWS again when it is enabled.</summary>
    public async Task SetWindowSizeAsync(int columns, int rows, CancellationToken ct)
    {
        if (_telnet is null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(16);
        _telnet.SetWindowSize(columns, rows, buffer);
        if (buffer.WrittenCount > 0)
        {
            await WriteRawAsync(buffer.WrittenMemory, ct).ConfigureAwait(false);
        }
    }

    void ITelnetEngineObserver.OnOptionChanged(TelnetOption telnetOption, bool local, bool enabled) =>
        _telnetNotices.Add(new NegotiationChangedEvent(telnetOption, local, enabled, _telnet?.CharacterMode ?? false));

    void ITelnetEngineObserver.OnCommand(TelnetCommand command) =>
        _telnetNotices.Add(new TelnetCommandReceivedEvent(command));

    /// <summary>A garbage stream can raise a warning per IAC; a few tell the story, thousands would bury it.</summary>
    void ITelnetEngineObserver.OnWarning(string message)
    {
        const int limit = 10;
        if (++_telnetWarnings <= limit)
        {
            _telnetNotices.Add(new WarningEvent("telnet: " + message));
        }
        else if (_telnetWarnings == limit + 1)
        {
            _telnetNotices.Add(new WarningEvent("telnet: further protocol warnings suppressed"));
        }
    }

    private int _telnetWarnings;

    private async ValueTask DrainTelnetNoticesAsync()
    {
        if (_telnetNotices.Count == 0)
        {
            return;
        }

        // A NOP flood produces a notice per command; keep the channel for what a user can act on.
        foreach (var notice in _telnetNotices)
        {
            if (notice is TelnetCommandReceivedEvent { Command: TelnetCommand.NOP or TelnetCommand.GA })
            {
                continue;
            }

            await PublishAsync(notice).ConfigureAwait(false);
        }

        _telnetNotices.Clear();
    }
}
