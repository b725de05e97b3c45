using NetTerm.Core.Telnet;
using NetTerm.Testing;
using static NetTerm.Core.Tests.Telnet.Bytes;

namespace NetTerm.Core.Tests.Telnet;

public sealed class TelnetParserTests
{
    public static TheoryData<Chunking> Chunkings => Chunker.All;

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_PlainText_DeliversDataOnly(Chunking chunking)
    {
        var handler = Run(Of("hello\r\nworld\r\n"), chunking);

        Assert.Equal(["DATA hello\\x0D\\x0Aworld\\x0D\\x0A"], handler.Finish());
    }

    [Fact]
    public void Parse_WholeTextWithoutIac_DeliversOneRun()
    {
        var input = new byte[100_000];
        Array.Fill(input, (byte)'x');

        var handler = Run(input, Chunking.Whole);

        Assert.Equal(1, handler.DataCalls);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_IacIac_DeliversOneFFByte(Chunking chunking)
    {
        var handler = Run(Of("a", Iac, Iac, "b", Iac, Iac), chunking);

        Assert.Equal(["DATA a\\xFFb\\xFF"], handler.Finish());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_Commands_ReportedInStreamOrder(Chunking chunking)
    {
        var input = Of("a", Iac, TelnetCommand.NOP, Iac, TelnetCommand.AYT, Iac, TelnetCommand.GA, Iac,
            TelnetCommand.DM, Iac, TelnetCommand.BRK, Iac, TelnetCommand.IP, Iac, TelnetCommand.AO, Iac,
            TelnetCommand.EC, Iac, TelnetCommand.EL, "b");

        var handler = Run(input, chunking);

        Assert.Equal(
        [
            "DATA a", "CMD NOP", "CMD AYT", "CMD GA", "CMD DM", "CMD BRK", "CMD IP", "CMD AO", "CMD EC", "CMD EL",
            "DATA b",
        ], handler.Finish());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_Negotiations_ReportVerbAndOption(Chunking chunking)
    {
        var input = Of(Iac, Will, 1, "x", Iac, Wont, 3, Iac, Do, 24, Iac, Dont, 255, "y");

        var handler = Run(input, chunking);

        Assert.Equal(["WILL 1", "DATA x", "WONT 3", "DO 24", "DONT 255", "DATA y"], handler.Finish());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_Subnegotiation_UnescapesIacIac(Chunking chunking)
    {
        var input = Of("a", Iac, Sb, 24, 1, Iac, Iac, 2, Iac, Se, "b");

        var handler = Run(input, chunking);

        Assert.Equal(["DATA a", "SB 24 \\x01\\xFF\\x02", "DATA b"], handler.Finish());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_EmptySubnegotiation_ReportedWithEmptyPayload(Chunking chunking)
    {
        var handler = Run(Of(Iac, Sb, 31, Iac, Se), chunking);

        Assert.Equal(["SB 31 "], handler.Finish());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_CrNul_DeliversCrOnly(Chunking chunking)
    {
        var handler = Run(Of("a\r", 0, "b\r\nc", 0, "d\r"), chunking);

        // The NUL of CR NUL is dropped; CR LF and a NUL not after CR pass through.
        Assert.Equal(["DATA a\\x0Db\\x0D\\x0Ac\\x00d\\x0D"], handler.Finish());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_CrNulInReceiveBinary_KeepsNul(Chunking chunking)
    {
        var handler = Run(Of("a\r", 0, "b"), chunking, binary: true);

        Assert.Equal(["DATA a\\x0D\\x00b"], handler.Finish());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_SubnegotiationOverflow_WarnsOnceDiscardsAndResyncsAtSe(Chunking chunking)
    {
        var payload = new byte[4097];
        Array.Fill(payload, (byte)'p');
        var input = Of("a", Iac, Sb, 24, payload, Iac, Iac, "more", Iac, Se, "after", Iac, Sb, 24, 1, Iac, Se);

        var handler = Run(input, chunking);

        Assert.Equal(["DATA a", "WARN", "DATA after", "SB 24 \\x01"], handler.Finish());
        Assert.Equal(1, handler.Warnings);
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_SubnegotiationAtLimit_Delivered(Chunking chunking)
    {
        var payload = new byte[4096];
        Array.Fill(payload, (byte)'p');

        var handler = Run(Of(Iac, Sb, 24, payload, Iac, Se), chunking);

        Assert.Equal(["SB 24 " + new string('p', 4096)], handler.Finish());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_UnexpectedByteAfterIacInSb_EndsSbWithWarningAndReadsCommand(Chunking chunking)
    {
        var input = Of(Iac, Sb, 24, 1, Iac, Will, 1, "x");

        var handler = Run(input, chunking);

        Assert.Equal(["SB 24 \\x01", "WARN", "WILL 1", "DATA x"], handler.Finish());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_StraySeAndUnknownCommand_WarnAndContinue(Chunking chunking)
    {
        var handler = Run(Of("a", Iac, Se, "b", Iac, 7, "c"), chunking);

        Assert.Equal(["DATA a", "WARN", "DATA b", "WARN", "DATA c"], handler.Finish());
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_UnterminatedSubnegotiation_BoundedAndSilent(Chunking chunking)
    {
        var flood = new byte[chunking == Chunking.PerByte ? 200_000 : 5_000_000];
        Array.Fill(flood, (byte)'z');
        var handler = new RecordingParserHandler();
        var parser = new TelnetParser(handler);
        parser.Parse(Of(Iac, Sb, 39));
        var before = GC.GetAllocatedBytesForCurrentThread();

        foreach (var chunk in Chunker.Split(flood, chunking))
        {
            parser.Parse(chunk.Span);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        parser.Parse(Of(Iac, Se, "ok"));
        Assert.Equal(["WARN", "DATA ok"], handler.Finish());
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public void Parse_RandomGarbage_NeverThrows(Chunking chunking)
    {
        var input = new byte[1_000_000];
        var random = new Random(1143);
        random.NextBytes(input);
        // Plenty of IACs so that every state is visited often.
        for (var i = 0; i < input.Length; i += 7)
        {
            input[i] = Iac;
        }

        var handler = new CountingHandler();
        var parser = new TelnetParser(handler);

        foreach (var chunk in Chunker.Split(input, chunking))
        {
            parser.Parse(chunk.Span);
        }

        Assert.True(handler.Events > 10_000);
        Assert.True(handler.DataBytes < input.Length);
    }

    [Fact]
    public void Parse_SameInputAnyChunking_SameEvents()
    {
        var input = Of("l1\r\n", Iac, Will, 1, Iac, Sb, 24, 1, Iac, Iac, Iac, Se, "x\r", 0, Iac, Iac, Iac,
            TelnetCommand.AYT, "\r\n");

        var whole = Run(input, Chunking.Whole).Finish();

        Assert.Equal(whole, Run(input, Chunking.PerLine).Finish());
        Assert.Equal(whole, Run(input, Chunking.PerByte).Finish());
        Assert.Equal(["DATA l1\\x0D\\x0A", "WILL 1", "SB 24 \\x01\\xFF", "DATA x\\x0D\\xFF", "CMD AYT",
            "DATA \\x0D\\x0A"], whole);
    }

    [Fact]
    public void Parse_RunOfNulBytes_OneDataEventPerChunk()
    {
        var handler = new CountingHandler();
        var parser = new TelnetParser(handler);
        var zeros = new byte[1 << 20];

        parser.Parse(zeros);
        parser.Parse(zeros);

        Assert.Equal(2, handler.Events);
        Assert.Equal(2L << 20, handler.DataBytes);
    }

    [Theory]
    [InlineData(false, new byte[] { 0, 0, 13, 0, 0, 13 }, "DATA \\x00\\x00\\x0D\\x00\\x0D")]
    [InlineData(true, new byte[] { 0, 0, 13, 0, 0, 13 }, "DATA \\x00\\x00\\x0D\\x00\\x00\\x0D")]
    public void Parse_NulsAroundCr_OnlyTheNulAfterCrIsDropped(bool binary, byte[] input, string expected)
    {
        var events = Run(input, Chunking.Whole, binary).Finish();

        Assert.Equal(expected, string.Join('|', events));
    }

    private static RecordingParserHandler Run(byte[] input, Chunking chunking, bool binary = false)
    {
        var handler = new RecordingParserHandler();
        var parser = new TelnetParser(handler) { ReceiveBinary = binary };
        foreach (var chunk in Chunker.Split(input, chunking))
        {
            parser.Parse(chunk.Span);
        }

        return handler;
    }

    private sealed class CountingHandler : ITelnetParserHandler
    {
        public int Events { get; private set; }

        public long DataBytes { get; private set; }

        public void OnData(ReadOnlySpan<byte> data)
        {
            Events++;
            DataBytes += data.Length;
        }

        public void OnCommand(TelnetCommand command) => Events++;

        public void OnNegotiation(TelnetCommand verb, byte option) => Events++;

        public void OnSubnegotiation(byte option, ReadOnlySpan<byte> payload)
        {
            Assert.True(payload.Length <= TelnetParser.DefaultMaxSubnegotiationLength);
            Events++;
        }

        public void OnWarning(string message) => Events++;
    }
}
