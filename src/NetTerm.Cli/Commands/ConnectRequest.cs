using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;

namespace NetTerm.Cli.Commands;

/// <summary>What the root command was asked to do, independent of System.CommandLine.</summary>
internal sealed record ConnectRequest(
    SessionOptions Session,
    IProfile Profile,
    bool NoTui,
    bool Binary,
    TimeSpan Wait,
    string? LogFile,
    bool Verbose,
    bool Quiet)
{
    /// <summary>How <see cref="LogFile"/> is written (--log-format).</summary>
    public TranscriptFormat LogFormat { get; init; }
}
