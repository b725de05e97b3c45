using System.Buffers;
using NetTerm.Core.Telnet;

namespace NetTerm.Core.Tests.Telnet;

/// <summary>Records parser events as strings. Adjacent data runs are merged, because how data is cut into runs
/// depends on the chunking; everything else must be identical under every chunking.</summary>
internal sealed class RecordingParserHandler : ITelnetParserHandler
{
    private readonly ArrayBufferWriter<byte> _pending = new();

    public List<string> Events { get; } = [];

    public int DataCalls { get; private set; }

    public int Warnings { get; private set; }

    /// <summary>The events, with trailing data flushed.</summary>
    public List<string> Finish()
    {
        Flush();
        return Events;
    }

    public void OnData(ReadOnlySpan<byte> data)
    {
        Assert.False(data.IsEmpty);
        DataCalls++;
        _pending.Write(data);
    }

    public void OnCommand(TelnetCommand command) => Add($"CMD {command}");

    public void OnNegotiation(TelnetCommand verb, byte option) => Add($"{verb} {option}");

    public void OnSubnegotiation(byte option, ReadOnlySpan<byte> payload) =>
        Add($"SB {option} {Bytes.Show(payload)}");

    public void OnWarning(string message)
    {
        Warnings++;
        Add("WARN");
    }

    private void Add(string e)
    {
        Flush();
        Events.Add(e);
    }

    private void Flush()
    {
        if (_pending.WrittenCount > 0)
        {
            Events.Add("DATA " + Bytes.Show(_pending.WrittenSpan));
            _pending.Clear();
        }
    }
}
