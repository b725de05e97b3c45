namespace NetTerm.Testing;

/// <summary>Where the real peers listen (tests/peers/README.md).</summary>
public static class Peers
{
    public const string Host = "127.0.0.1";
    public const int Submission = 2525;
    public const int Smtps = 2465;
    public const int PlainSmtp = 2526;
    public const int Sink = 2599;
    public const int Telnet = 2323;
    public const int Echo = 2700;
    public const int Source = 2701;
    public const int Discard = 2702;
    public const int Chargen = 2703;
    public const string User = "alice";
    public const string Password = "wonderland";

    public static bool Enabled => Environment.GetEnvironmentVariable("NETTERM_PEERS") == "1";

    public static string State => Environment.GetEnvironmentVariable("PEERS_STATE") is { Length: > 0 } s ? s : "/tmp/peers-state";

    /// <summary>The peers' self-signed certificate (CN=localhost, SAN localhost/mx.peers.test/127.0.0.1/::1).</summary>
    public static string CertificatePath => Path.Combine(State, "tls", "cert.pem");
}
