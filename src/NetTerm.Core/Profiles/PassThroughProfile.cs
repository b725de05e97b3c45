namespace NetTerm.Core.Profiles;

/// <summary>The raw and telnet profiles: lines go out as typed, nothing is annotated, no panel.</summary>
public sealed class PassThroughProfile : IProfile
{
    public static PassThroughProfile Raw { get; } = new("raw");

    public static PassThroughProfile Telnet { get; } = new("telnet");

    private PassThroughProfile(string name) => Name = name;

    public string Name { get; }

    public IProfileSession Attach(ISessionContext context) => new PassThroughProfileSession(context);
}
