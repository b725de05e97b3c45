using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Terminal;
using NetTerm.Core.Transport;

namespace NetTerm.Tui;

/// <summary>
/// What the output pane and the hex view show: the scrollback, the raw byte log and the text processor that fills
/// them. Session events are recorded here on the pump thread, in the order the session published them, so a flood
/// is parsed and stored beside the UI instead of on it; the UI thread only draws the visible rows (holding
/// <see cref="Scrollback.SyncRoot"/> for a frame) and adds its own messages. No Terminal.Gui types.
/// </summary>
internal sealed class OutputModel
{
    private readonly TerminalTextProcessor _processor;
    private volatile bool _localEcho = true;
    private Encoding? _checkedEncoding;
    private bool _asciiCompatible;

    public OutputModel(int scrollbackLines)
    {
        Lines = new Scrollback(Math.Max(100, scrollbackLines));
        _processor = new TerminalTextProcessor(Lines);
    }

    public Scrollback Lines { get; }

    public RawByteLog Traffic { get; } = new();

    /// <summary>Whether sent lines are echoed into the pane (telnet prompt "echo" toggles).</summary>
    public bool LocalEcho
    {
        get => _localEcho;
        set => _localEcho = value;
    }

    /// <summary>Records one event's lines and bytes (pump thread). <paramref name="options"/> are the session's,
    /// for re-encoding a sent line into the bytes the hex view shows.</summary>
    public void Record(SessionUpdate u, SessionOptions? options)
    {
        lock (Lines.SyncRoot)
        {
            switch (u.Event)
            {
                case DataReceivedEvent e:
                    _processor.Process(e.Text, AsciiOf(e, options), e.Timestamp);
                    Traffic.Append(ByteDirection.In, e.Raw.Span, e.Timestamp);
                    return;
                case LineSentEvent e:
                    RecordSent(e, u.Masked, options);
                    return;
                case BytesSentEvent e:
                    if (!e.Hidden)
                    {
                        Traffic.Append(ByteDirection.Out, e.Raw.Span, e.Timestamp);
                    }

                    if (e.Description is { } what)
                    {
                        AddLine(LineKind.System, "sent " + what, e.Timestamp);
                    }

                    return;
                case AnnotationEvent e:
                    AddLine(LineKind.Annotation, e.Text, e.Timestamp);
                    return;
                case ConnectingEvent e:
                    AddLine(LineKind.System, $"trying {e.Host}:{e.Port}{(e.Address is null ? string.Empty : $" ({e.Address})")}…", e.Timestamp);
                    return;
                case ConnectedEvent e:
                    AddLine(LineKind.System, $"connected to {e.Host}:{e.Port} ({e.Remote})", e.Timestamp);
                    return;
                case ModeDetectedEvent e:
                    AddLine(LineKind.System, $"mode {e.Mode.ToString().ToLowerInvariant()}: {e.Reason}", e.Timestamp);
                    return;
                case TlsEstablishedEvent e:
                    AddLine(e.Certificate.Verified ? LineKind.System : LineKind.Error, Describe(e.Certificate), e.Timestamp);
                    return;
                case TelnetCommandReceivedEvent e:
                    AddLine(LineKind.System, $"telnet {e.Command} from the server", e.Timestamp);
                    return;
                case WarningEvent e:
                    AddLine(LineKind.Warning, e.Message, e.Timestamp);
                    return;
                case InfoEvent e:
                    AddLine(LineKind.System, e.Message, e.Timestamp);
                    return;
                case ClosedEvent e:
                    AddLine(
                        e.Failure is null ? LineKind.System : LineKind.Error,
                        e.Failure is null ? $"connection closed: {e.Reason}" : $"connection failed: {e.Reason} — Ctrl+R to reconnect",
                        e.Timestamp);
                    return;
            }
        }
    }

    /// <summary>The event's bytes when they are its text one byte per character (all ASCII, and the session's encoding
    /// decodes ASCII as ASCII, which EBCDIC does not); empty otherwise. The text processor then stores plain lines
    /// from them.</summary>
    private ReadOnlySpan<byte> AsciiOf(DataReceivedEvent e, SessionOptions? options)
    {
        var raw = e.Raw.Span;
        return raw.Length == e.Text.Length && options is not null && IsAsciiCompatible(options.Encoding) && Ascii.IsValid(raw)
            ? raw
            : [];
    }

    private bool IsAsciiCompatible(Encoding encoding)
    {
        if (!ReferenceEquals(encoding, _checkedEncoding))
        {
            Span<byte> bytes = stackalloc byte[128];
            Span<char> chars = stackalloc char[256];
            for (var b = 0; b < bytes.Length; b++)
            {
                bytes[b] = (byte)b;
            }

            var count = encoding.GetChars(bytes, chars);
            _asciiCompatible = count == bytes.Length && Ascii.Equals(bytes, chars[..count]);
            _checkedEncoding = encoding;
        }

        return _asciiCompatible;
    }

    private void RecordSent(LineSentEvent e, bool masked, SessionOptions? options)
    {
        if (!e.Hidden && !masked && options is not null)
        {
            // LineSentEvent carries text only: the bytes are rebuilt as Session.SendLineAsync encodes them (before
            // telnet IAC doubling). Hidden and masked lines never reach the hex view.
            var ending = options.LineEnding switch { LineEnding.Lf => "\n", LineEnding.Cr => "\r", _ => "\r\n" };
            Traffic.Append(ByteDirection.Out, options.Encoding.GetBytes(e.Text + ending), e.Timestamp);
        }

        if (LocalEcho)
        {
            AddLine(e.Hidden ? LineKind.Hidden : LineKind.Sent, e.Hidden ? $"[{e.Length} characters hidden]" : e.Text, e.Timestamp);
        }
    }

    /// <summary>Adds a non-received line (system, sent, error…), from any thread. Its text may quote the server (a
    /// close reason, a certificate subject), so it is escaped like received text. Received text continues on a
    /// fresh line after it.</summary>
    public void AddLine(LineKind kind, string text, DateTimeOffset? at = null)
    {
        var stamp = at ?? DateTimeOffset.Now;
        lock (Lines.SyncRoot)
        {
            foreach (var part in ControlEscaper.Escape(text).Split('\n'))
            {
                Lines.Append(kind, part, [], stamp);
            }
        }
    }

    /// <summary>Forgets the text processor's state (style, partial sequences) for a new connection.</summary>
    public void ResetProcessor()
    {
        lock (Lines.SyncRoot)
        {
            _processor.Reset();
        }
    }

    internal static string Describe(CertificateSummary c) =>
        c.Verified
            ? $"TLS established: {c.Protocol} {c.CipherSuite}, certificate verified for {c.VerifiedName}"
            : $"TLS established: {c.Protocol} {c.CipherSuite}, certificate UNVERIFIED: {c.VerificationError ?? "not checked"}";
}
