using NetTerm.Core.Profiles;

namespace NetTerm.Smtp.Profile;

/// <summary>The assisted SMTP session: completion, annotated replies, interactive STARTTLS, AUTH helpers, DATA mode.</summary>
public sealed class SmtpProfile : IProfile
{
    public SmtpProfile(SmtpProfileOptions? options = null) => Options = options ?? new SmtpProfileOptions();

    public SmtpProfileOptions Options { get; }

    public string Name => "smtp";

    public IProfileSession Attach(ISessionContext context) => new SmtpProfileSession(context, Options);
}
