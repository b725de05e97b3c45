using CsCheck;
using NetTerm.Core.Telnet;
using NetTerm.Core.Terminal;
using NetTerm.Testing.Fuzzing;

namespace NetTerm.Core.Tests.Properties;

/// <summary>Issue 6 invariants, over generated hostile input: the telnet parser, the control escaper and the
/// terminal text processor never throw, stay bounded, and never let a control character through.</summary>
public sealed class CoreParserProperties
{
    private const byte Iac = 255;

    /// <summary>A running hash of every event (data byte by byte, since chunking may split data runs
    /// differently), cheap enough for ten million inputs.</summary>
    private sealed class Recorder : ITelnetParserHandler
    {
        private HashCode _hash;

        public int Events { get; private set; }

        public int LongestSubnegotiation { get; private set; }

        public int Digest => _hash.ToHashCode() ^ Events;

        public void OnData(ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                _hash.Add(b);
            }
        }

        public void OnCommand(TelnetCommand command) => Add(1000 + (int)command);

        public void OnNegotiation(TelnetCommand verb, byte option) => Add(2000 + ((int)verb * 256) + option);

        public void OnSubnegotiation(byte option, ReadOnlySpan<byte> payload)
        {
            LongestSubnegotiation = Math.Max(LongestSubnegotiation, payload.Length);
            Add(200_000 + option);
            foreach (var b in payload)
            {
                _hash.Add(b);
            }
        }

        public void OnWarning(string message) => Add(-1);

        private void Add(int marker)
        {
            Events++;
            _hash.Add(marker);
        }
    }

    [Fact]
    public void TelnetParser_HostileBytesAnyChunking_NeverThrowsSameEventsBoundedSubnegotiation()
    {
        var gen = Fuzz.HostileBytes(300, Iac, 250, 240, 251, 252, 253, 254, 13, 0, 10, 24, 31)
            .Select(Gen.Int[1, 17], (bytes, chunk) => (bytes, chunk));
        Fuzz.Check(gen, t =>
        {
            var whole = new Recorder();
            new TelnetParser(whole, 64).Parse(t.bytes);
            var pieces = new Recorder();
            var parser = new TelnetParser(pieces, 64);
            for (var i = 0; i < t.bytes.Length; i += t.chunk)
            {
                parser.Parse(t.bytes.AsSpan(i, Math.Min(t.chunk, t.bytes.Length - i)));
            }

            if (whole.Digest != pieces.Digest)
            {
                throw new InvalidOperationException($"chunking of {t.chunk} changed the events for {Convert.ToHexString(t.bytes)}");
            }

            if (whole.LongestSubnegotiation > 64)
            {
                throw new InvalidOperationException($"a subnegotiation of {whole.LongestSubnegotiation} bytes passed a 64-byte bound");
            }
        }, "telnet parser");
    }

    [Fact]
    public void ControlEscaper_AnyText_TranscriptOutputHoldsNoControlOrInvisibleCharacter()
    {
        Fuzz.Check(Hostile.Text(200), text =>
        {
            var escaped = ControlEscaper.Escape(text, ControlEscaperOptions.Transcript);
            if (escaped.FirstOrDefault(Hostile.IsUnsafe) is var bad && bad != default)
            {
                throw new InvalidOperationException($"U+{(int)bad:X4} passed the escaper in \"{escaped}\"");
            }
        }, "control escaper");
    }

    [Fact]
    public void TerminalTextProcessor_HostileEscapes_ScrollbackHoldsNoControlCharacter()
    {
        Fuzz.Check(Hostile.Text(300), text =>
        {
            var scrollback = new Scrollback(maxLines: 1000);
            var processor = new TerminalTextProcessor(scrollback);
            processor.Process(text);
            for (var i = 0; i < scrollback.Count; i++)
            {
                var line = scrollback.GetLine(i).Text;
                if (line.FirstOrDefault(Hostile.IsUnsafe) is var bad && bad != default)
                {
                    throw new InvalidOperationException($"U+{(int)bad:X4} reached the scrollback from \"{ControlEscaper.Escape(text, ControlEscaperOptions.Transcript)}\"");
                }
            }
        }, "terminal text processor");
    }
}
