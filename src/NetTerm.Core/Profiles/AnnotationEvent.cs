using NetTerm.Core.Sessions;

namespace NetTerm.Core.Profiles;

/// <summary>A profile's explanation of what just happened (an SMTP reply's meaning and a hint). Shown after the data
/// it explains; front ends may hide annotations.</summary>
public sealed record AnnotationEvent(string Text, Severity Severity) : SessionEvent;
