using NetTerm.Core.Telnet;
using NetTerm.Testing;
using static NetTerm.Core.Tests.Telnet.Bytes;

namespace NetTerm.Core.Tests.Telnet;

/// <summary>Hostile input: floods, garbage and unterminated subnegotiations stay bounded in memory and replies.</summary>
public sealed partial class TelnetEngineTests
{
    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_TwoMillionIacNop_NoDataNoRepliesBoundedMemory(Chunking chunking)
    {
        var input = new byte[4_000_000];
        for (var i = 0; i < input.Length; i += 2)
        {
            input[i] = Iac;
            input[i + 1] = (byte)TelnetCommand.NOP;
        }

        var engine = Create();
        var before = GC.GetAllocatedBytesForCurrentThread();

        Feed(engine, input, chunking);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, _data.WrittenCount);
        Assert.Equal(0, _toPeer.WrittenCount);
        Assert.Equal(2_000_000, _observer.Commands);
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_RepeatedRequestsForUnknownOptions_RepliesNotLargerThanInput(Chunking chunking)
    {
        var input = new List<byte>();
        for (var i = 0; i < 20_000; i++)
        {
            input.AddRange(Of(Iac, Will, 100 + (i % 50), Iac, Do, 100 + (i % 50)));
        }

        var engine = Create();

        Feed(engine, [.. input], chunking);

        Assert.Equal(input.Count, _toPeer.WrittenCount);
        Assert.Equal(Of(Iac, Dont, 100, Iac, Wont, 100), _toPeer.WrittenSpan[..6].ToArray());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_RandomGarbage_NeverThrowsRepliesBounded(Chunking chunking)
    {
        var input = new byte[1_000_000];
        var random = new Random(854);
        random.NextBytes(input);
        for (var i = 0; i < input.Length; i += 5)
        {
            input[i] = Iac;
        }

        var engine = Create(new TelnetEngineOptions(Announce: true));
        engine.Start(_toPeer);

        Feed(engine, input, chunking);

        Assert.True(_toPeer.WrittenCount <= input.Length, $"{_toPeer.WrittenCount} reply bytes");
        Assert.True(_data.WrittenCount < input.Length);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_UnterminatedSubnegotiation_OneWarningThenResync(Chunking chunking)
    {
        var flood = new byte[chunking == Chunking.PerByte ? 100_000 : 1_000_000];
        Array.Fill(flood, (byte)'A');
        var engine = Create();

        Feed(engine, Of(Iac, Sb, Ttype, flood, Iac, Se, "ok"), chunking);

        Assert.Single(_observer.Warnings);
        Assert.Equal(Of("ok"), _data.WrittenSpan.ToArray());
    }
}
