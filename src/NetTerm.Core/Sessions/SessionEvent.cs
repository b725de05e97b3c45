using System.Net;
using NetTerm.Core.Telnet;
using NetTerm.Core.Transport;

namespace NetTerm.Core.Sessions;

/// <summary>Everything a session reports. Consumers read these from the session's bounded channel, in order.</summary>
public abstract record SessionEvent
{
    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.Now;
}

/// <summary>Trying one address of the target (or the proxy).</summary>
public sealed record ConnectingEvent(string Host, int Port, EndPoint? Address) : SessionEvent;

/// <summary>The TCP (and proxy) connection is up; <see cref="Mode"/> is the mode in force now (Auto until detected).</summary>
public sealed record ConnectedEvent(string Host, int Port, EndPoint? Remote, EndPoint? Local, SessionMode Mode) : SessionEvent;

/// <summary>Auto mode decided how to read the stream.</summary>
public sealed record ModeDetectedEvent(SessionMode Mode, string Reason) : SessionEvent;

/// <summary>Application data from the peer: decoded text (invalid bytes as U+FFFD) and the exact bytes after telnet
/// processing. <see cref="Raw"/> is a private copy the consumer may keep.</summary>
public sealed record DataReceivedEvent(string Text, ReadOnlyMemory<byte> Raw, bool Tls) : SessionEvent;

/// <summary>A line the user sent. When <see cref="Hidden"/> is set the server had taken echo away (a password
/// prompt): <see cref="Text"/> is empty and only <see cref="Length"/> is known. When <see cref="Redacted"/> is set,
/// <see cref="Text"/> is the profile's masked form (AUTH PLAIN ****), never the credential.</summary>
public sealed record LineSentEvent(string Text, int Length, bool Hidden, bool Tls) : SessionEvent
{
    public bool Redacted { get; init; }
}

/// <summary>Bytes sent that are not a line (character mode keys, telnet commands).</summary>
public sealed record BytesSentEvent(ReadOnlyMemory<byte> Raw, bool Hidden, bool Tls, string? Description = null) : SessionEvent;

/// <summary>A telnet option changed state on one side.</summary>
public sealed record NegotiationChangedEvent(TelnetOption Option, bool Local, bool Enabled, bool CharacterMode) : SessionEvent;

/// <summary>A telnet command (AYT, GA, …) arrived from the server.</summary>
public sealed record TelnetCommandReceivedEvent(TelnetCommand Command) : SessionEvent;

/// <summary>The TLS handshake succeeded (implicit TLS or an upgrade).</summary>
public sealed record TlsEstablishedEvent(CertificateSummary Certificate, bool Upgrade) : SessionEvent;

/// <summary>Something the user should know that does not end the session.</summary>
public sealed record WarningEvent(string Message) : SessionEvent;

/// <summary>Informational note (idle timeout armed, half-close sent, …).</summary>
public sealed record InfoEvent(string Message) : SessionEvent;

/// <summary>The session ended. <see cref="Failure"/> is null for an orderly close by either side.</summary>
public sealed record ClosedEvent(string Reason, ConnectFailure? Failure, bool ByPeer) : SessionEvent;
