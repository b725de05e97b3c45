using System.Text;
using NetTerm.Core.Transport;

namespace NetTerm.Core.Sessions;

/// <summary>Everything a session needs to connect and talk. Built by the CLI, the connect dialog or a saved session.</summary>
public sealed record SessionOptions(string Host, int Port)
{
    public SessionMode Mode { get; init; } = SessionMode.Auto;

    /// <summary>Implicit TLS from the first byte; null means plaintext.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>How a later in-place upgrade (STARTTLS) verifies the server: --ca, --insecure, --sni apply there too.
    /// Null verifies against the system roots and the host name.</summary>
    public TlsOptions? UpgradeTls { get; init; }

    public ProxySettings? Proxy { get; init; }

    public AddressFamilyPreference Family { get; init; } = AddressFamilyPreference.Any;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Close when nothing moved in either direction for this long (nc -w).</summary>
    public TimeSpan? IdleTimeout { get; init; }

    public bool KeepAlive { get; init; }

    public LineEnding LineEnding { get; init; } = LineEnding.CrLf;

    /// <summary>Text encoding for both directions; decoding replaces invalid bytes with U+FFFD.</summary>
    public Encoding Encoding { get; init; } = new UTF8Encoding(false);

    /// <summary>Sent as TTYPE IS. The view is line-oriented, so the default promises no cursor addressing.</summary>
    public string TerminalType { get; init; } = "DUMB";

    public int Columns { get; init; } = 80;

    public int Rows { get; init; } = 24;

    /// <summary>Ask for telnet BINARY both ways (used with --binary).</summary>
    public bool RequestBinary { get; init; }

    /// <summary>When set, received application bytes go straight to this stream from the read loop instead of being
    /// published as <see cref="DataReceivedEvent"/>s: the nc-style pass-through path that throughput needs.</summary>
    public Stream? RawDataSink { get; init; }

    /// <summary>Bound of the event channel; a slow consumer slows the read loop rather than growing memory.</summary>
    public int EventCapacity { get; init; } = 256;

    /// <summary>Replaces DNS for tests, which must not send queries off the machine.</summary>
    internal Func<string, CancellationToken, Task<System.Net.IPAddress[]>>? Resolve { get; init; }

    /// <summary>Size of one socket read. The default keeps a read's event (its bytes, and its text at two bytes a
    /// character) below the large object heap threshold (85,000 bytes), so a flood's events die young in gen 0
    /// instead of piling up in the LOH until a full collection.</summary>
    public int ReadBufferSize { get; init; } = 32 * 1024;
}
