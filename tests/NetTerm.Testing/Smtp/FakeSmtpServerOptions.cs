using System.Security.Cryptography.X509Certificates;

namespace NetTerm.Testing.Smtp;

/// <summary>How a <see cref="FakeSmtpServer"/> behaves; the defaults are a well-behaved submission server.</summary>
public sealed record FakeSmtpServerOptions
{
    public string Greeting { get; init; } = "220 fake.test ESMTP ready";

    /// <summary>EHLO keywords before TLS (STARTTLS is added when <see cref="Certificate"/> is set).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = ["PIPELINING", "SIZE 10240000", "8BITMIME", "ENHANCEDSTATUSCODES"];

    /// <summary>EHLO keywords after TLS.</summary>
    public IReadOnlyList<string> TlsKeywords { get; init; } = ["PIPELINING", "SIZE 10240000", "8BITMIME", "ENHANCEDSTATUSCODES", "AUTH PLAIN LOGIN CRAM-MD5"];

    public X509Certificate2? Certificate { get; init; }

    /// <summary>Plaintext sent right behind the 220 answer to STARTTLS, in the same write: an injection attack.</summary>
    public string? InjectAfterStartTls { get; init; }

    /// <summary>The answer to STARTTLS; anything but 220 keeps the session plaintext.</summary>
    public string StartTlsReply { get; init; } = "220 2.0.0 Ready to start TLS";

    public string User { get; init; } = "alice";

    public string Password { get; init; } = "wonderland";

    /// <summary>Recipients in this domain are local; others need AUTH (relay policy).</summary>
    public string LocalDomain { get; init; } = "fake.test";

    public bool AnswerEhloWith500 { get; init; }

    /// <summary>Holds the answer to MAIL back, so a pipelining client visibly sends RCPT before it.</summary>
    public TimeSpan MailReplyDelay { get; init; }
}
