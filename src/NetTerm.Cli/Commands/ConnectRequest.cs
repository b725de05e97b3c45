using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;

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
    bool Quiet);
