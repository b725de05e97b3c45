using NetTerm.Core.Profiles;
using NetTerm.Core.Transport;

namespace NetTerm.Cli;

/// <summary>Documented process exit codes (README.md, "Exit codes"). Scripts rely on them: never renumber.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Dns = 3;
    public const int Connect = 4;
    public const int Timeout = 5;
    public const int Tls = 6;
    public const int Protocol = 7;
    public const int ConnectionLost = 8;
    public const int Proxy = 9;
    public const int Rejected = 10;
    public const int Incomplete = 11;
    public const int Interrupted = 130;

    // `netterm smtp send`: the stage that failed.
    public const int GreetingRejected = 20;
    public const int HeloRejected = 21;
    public const int TlsUnavailable = 22;
    public const int AuthFailed = 23;
    public const int SenderRejected = 24;
    public const int RecipientsRejected = 25;
    public const int MessageRejected = 26;

    public static int For(ProfileOutcome outcome) => outcome switch
    {
        ProfileOutcome.Ok => Ok,
        ProfileOutcome.ProtocolViolation => Protocol,
        ProfileOutcome.Rejected => Rejected,
        _ => Incomplete,
    };

    public static int For(ConnectFailure? failure) => failure switch
    {
        null => Ok,
        ConnectFailure.NoSuchHost => Dns,
        ConnectFailure.Refused or ConnectFailure.NetworkUnreachable or ConnectFailure.HostUnreachable => Connect,
        ConnectFailure.TimedOut => Timeout,
        ConnectFailure.Tls => Tls,
        ConnectFailure.StartTlsInjection or ConnectFailure.Protocol => Protocol,
        ConnectFailure.ConnectionLost => ConnectionLost,
        ConnectFailure.Proxy => Proxy,
        _ => Failure,
    };
}
