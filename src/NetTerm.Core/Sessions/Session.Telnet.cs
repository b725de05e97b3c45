using System.Buffers;
using NetTerm.Core.Telnet;

namespace NetTerm.Core.Sessions;

public sealed partial class Session : ITelnetEngineObserver
{
    private readonly List<SessionEvent> _telnetNotices = [];

    private async ValueTask StartTelnetAsync(bool announce, CancellationToken ct)
    {
        var o = Options;
        _telnet = new TelnetEngine(
            new TelnetEngineOptions(o.TerminalType, announce, o.RequestBinary, o.Columns, o.Rows),
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
        _telnet.WriteCommand(command, buffer);
        await WriteRawAsync(buffer.WrittenMemory, ct).ConfigureAwait(false);
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

    void ITelnetEngineObserver.OnOptionChanged(TelnetOption option, bool local, bool enabled) =>
        _telnetNotices.Add(new NegotiationChangedEvent(option, local, enabled, _telnet?.CharacterMode ?? false));

    void ITelnetEngineObserver.OnCommand(TelnetCommand command) =>
        _telnetNotices.Add(new TelnetCommandReceivedEvent(command));

    void ITelnetEngineObserver.OnWarning(string message) => _telnetNotices.Add(new WarningEvent("telnet: " + message));

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
