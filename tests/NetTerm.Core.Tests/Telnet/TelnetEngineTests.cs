using System.Buffers;
using NetTerm.Core.Telnet;
using NetTerm.Testing;
using static NetTerm.Core.Tests.Telnet.Bytes;

namespace NetTerm.Core.Tests.Telnet;

public sealed partial class TelnetEngineTests
{
    private const byte Binary = (byte)TelnetOption.Binary;
    private const byte Echo = (byte)TelnetOption.Echo;
    private const byte Sga = (byte)TelnetOption.SuppressGoAhead;
    private const byte Ttype = (byte)TelnetOption.TerminalType;
    private const byte Naws = (byte)TelnetOption.WindowSize;
    private const byte NewEnviron = (byte)TelnetOption.NewEnvironment;

    private readonly ArrayBufferWriter<byte> _data = new();
    private readonly ArrayBufferWriter<byte> _toPeer = new();
    private readonly RecordingObserver _observer = new();

    public static TheoryData<Chunking> Chunkings => Chunker.All;

    [Fact]
    public void Start_Announce_OffersTtypeAndNawsOnly()
    {
        var engine = Create(new TelnetEngineOptions(Announce: true));

        engine.Start(_toPeer);

        Assert.Equal(Of(Iac, Will, Ttype, Iac, Will, Naws), TakePeer());
    }

    [Fact]
    public void Start_RequestBinary_OffersAndAsksBinary()
    {
        var engine = Create(new TelnetEngineOptions(Announce: true, RequestBinary: true));

        engine.Start(_toPeer);

        Assert.Equal(Of(Iac, Will, Ttype, Iac, Will, Naws, Iac, Will, Binary, Iac, Do, Binary), TakePeer());
    }

    [Fact]
    public void Start_Defaults_SendsNothing()
    {
        Create().Start(_toPeer);

        Assert.Empty(TakePeer());
    }

    [Fact]
    public void Start_BinaryDeniedByPolicy_NotRequested()
    {
        var policy = OptionPolicy.Default.Deny(TelnetOption.Binary, local: true).Deny(TelnetOption.Binary, local: false);
        var engine = Create(new TelnetEngineOptions(RequestBinary: true, Policy: policy));

        engine.Start(_toPeer);
        Feed(engine, Of(Iac, Will, Binary, Iac, Do, Binary), Chunking.Whole);

        Assert.Equal(Of(Iac, Dont, Binary, Iac, Wont, Binary), TakePeer());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_DoTtypeThenSend_RepliesIsTerminalType(Chunking chunking)
    {
        var engine = Create();

        Feed(engine, Of(Iac, Do, Ttype, Iac, Sb, Ttype, 1, Iac, Se, Iac, Sb, Ttype, 1, Iac, Se), chunking);

        // A single name sent again is the RFC 1091 end-of-list signal.
        var reply = Of(Iac, Sb, Ttype, 0, "DUMB", Iac, Se);
        Assert.Equal(Of(Iac, Will, Ttype, reply, reply), TakePeer());
        Assert.Equal(["us TerminalType on"], _observer.Options);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_TtypeSendBeforeDo_NoReply(Chunking chunking)
    {
        var engine = Create();

        Feed(engine, Of(Iac, Sb, Ttype, 1, Iac, Se), chunking);

        Assert.Empty(TakePeer());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_DoNaws_AgreesAndSendsSize(Chunking chunking)
    {
        var engine = Create();

        Feed(engine, Of(Iac, Do, Naws), chunking);

        Assert.Equal(Of(Iac, Will, Naws, Iac, Sb, Naws, 0, 80, 0, 24, Iac, Se), TakePeer());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_DoNawsWith255Dimensions_IacDoubled(Chunking chunking)
    {
        var engine = Create(new TelnetEngineOptions(Columns: 255, Rows: 65535));

        Feed(engine, Of(Iac, Do, Naws), chunking);

        Assert.Equal(Of(Iac, Will, Naws, Iac, Sb, Naws, 0, Iac, Iac, Iac, Iac, Iac, Iac, Iac, Se), TakePeer());
    }

    [Fact]
    public void SetWindowSize_WhileNawsEnabled_SendsOnlyChanges()
    {
        var engine = Create();
        engine.SetWindowSize(100, 30, _toPeer);
        Assert.Empty(TakePeer());
        Feed(engine, Of(Iac, Do, Naws), Chunking.Whole);
        Assert.Equal(Of(Iac, Will, Naws, Iac, Sb, Naws, 0, 100, 0, 30, Iac, Se), TakePeer());

        engine.SetWindowSize(100, 30, _toPeer);
        Assert.Empty(TakePeer());

        engine.SetWindowSize(300, 30, _toPeer);
        Assert.Equal(Of(Iac, Sb, Naws, 1, 44, 0, 30, Iac, Se), TakePeer());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_NewEnviron_RefusedAndNeverAnswered(Chunking chunking)
    {
        var engine = Create();

        Feed(engine, Of(Iac, Do, NewEnviron, Iac, Sb, NewEnviron, 1, 0, "USER", Iac, Se, Iac, Will, NewEnviron, "x"),
            chunking);

        Assert.Equal(Of(Iac, Wont, NewEnviron, Iac, Dont, NewEnviron), TakePeer());
        Assert.Equal(Of("x"), _data.WrittenSpan.ToArray());
    }

    [Fact]
    public void Receive_PolicyAllowsUnimplementedOption_StillRefused()
    {
        var policy = OptionPolicy.Default.Allow(TelnetOption.NewEnvironment, local: true);
        var engine = Create(new TelnetEngineOptions(Policy: policy));

        Feed(engine, Of(Iac, Do, NewEnviron), Chunking.Whole);

        Assert.Equal(Of(Iac, Wont, NewEnviron), TakePeer());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_WillEchoAndSga_CharacterModeUntilWontEcho(Chunking chunking)
    {
        var engine = Create();

        Feed(engine, Of(Iac, Will, Echo, Iac, Will, Sga), chunking);

        Assert.True(engine.CharacterMode);
        Assert.True(engine.RemoteEcho);
        Assert.True(engine.RemoteSuppressGoAhead);
        Assert.Equal(Of(Iac, Do, Echo, Iac, Do, Sga), TakePeer());

        Feed(engine, Of(Iac, Wont, Echo), chunking);

        Assert.False(engine.CharacterMode);
        Assert.Equal(Of(Iac, Dont, Echo), TakePeer());
        Assert.Equal(["him Echo on", "him SuppressGoAhead on", "him Echo off"], _observer.Options);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_DataAroundTelnetSequences_DataOnlyInDataWriter(Chunking chunking)
    {
        var engine = Create();

        Feed(engine, Of("hel", Iac, Will, Echo, "lo", Iac, Iac, Iac, TelnetCommand.AYT, " w\r", 0, "x\r\n"), chunking);

        Assert.Equal(Of("hello", Iac, " w\rx\r\n"), _data.WrittenSpan.ToArray());
        Assert.Equal(Of(Iac, Do, Echo), TakePeer());
        Assert.Equal(TelnetCommand.AYT, _observer.LastCommand);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Receive_WillBinary_CrNulNoLongerFolded(Chunking chunking)
    {
        var engine = Create();

        Feed(engine, Of("a\r", 0, Iac, Will, Binary, "b\r", 0), chunking);

        Assert.True(engine.RemoteBinary);
        Assert.False(engine.LocalBinary);
        Assert.Equal(Of("a\rb\r", 0), _data.WrittenSpan.ToArray());
    }

    [Fact]
    public void EncodeData_LocalBinary_CrLeftAlone()
    {
        var engine = Create();
        var sent = new ArrayBufferWriter<byte>();
        engine.EncodeData(Of("a\r"), sent);

        Feed(engine, Of(Iac, Do, Binary), Chunking.Whole);
        engine.EncodeData(Of("a\r", Iac), sent);

        Assert.True(engine.LocalBinary);
        Assert.Equal(Of("a\r", 0, "a\r", Iac, Iac), sent.WrittenSpan.ToArray());
    }

    [Fact]
    public void Request_DisableEnabledEcho_SendsDontAndReportsOff()
    {
        var engine = Create();
        Feed(engine, Of(Iac, Will, Echo), Chunking.Whole);
        TakePeer();

        Assert.True(engine.Request(TelnetOption.Echo, local: false, enable: false, _toPeer));

        Assert.Equal(Of(Iac, Dont, Echo), TakePeer());
        Assert.False(engine.RemoteEcho);
        Assert.Equal(["him Echo on", "him Echo off"], _observer.Options);
    }

    [Fact]
    public void Request_EnableRefusedByPolicy_ReturnsFalseSendsNothing()
    {
        var engine = Create();

        Assert.False(engine.Request(TelnetOption.NewEnvironment, local: true, enable: true, _toPeer));
        Assert.Empty(TakePeer());
    }

    [Fact]
    public void WriteCommandAndSynch_Bytes()
    {
        TelnetEngine.WriteCommand(TelnetCommand.IP, _toPeer);

        Assert.Equal(Of(Iac, TelnetCommand.IP), TakePeer());
        Assert.Equal(Of(Iac, TelnetCommand.DM), TelnetEngine.Synch.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("VT 100")]
    [InlineData("AN-EXTREMELY-LONG-TERMINAL-TYPE-NAME-OVER-40")]
    public void Constructor_InvalidTerminalType_Throws(string terminalType) =>
        Assert.Throws<ArgumentException>(() => new TelnetEngine(new TelnetEngineOptions(terminalType)));

    [Fact]
    public void Constructor_WindowSizeOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelnetEngine(new TelnetEngineOptions(Columns: 65536)));

    private TelnetEngine Create(TelnetEngineOptions? options = null) => new(options, _observer);

    private void Feed(TelnetEngine engine, byte[] input, Chunking chunking)
    {
        foreach (var chunk in Chunker.Split(input, chunking))
        {
            engine.Receive(chunk.Span, _data, _toPeer);
        }
    }

    private byte[] TakePeer()
    {
        var bytes = _toPeer.WrittenSpan.ToArray();
        _toPeer.Clear();
        return bytes;
    }
}
