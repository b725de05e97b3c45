using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;

namespace NetTerm.Core.Profiles;

/// <summary>A profile bound to one connection. Members are called on the UI (or headless) thread, except
/// <see cref="IInboundObserver.OnInbound"/>, which runs on the session's read loop.</summary>
public interface IProfileSession : IInboundObserver
{
    /// <summary>Label of the input line ("raw", "telnet", "SMTP", "DATA").</summary>
    string PromptLabel { get; }

    /// <summary>Sections for the side panel; empty means no panel.</summary>
    IReadOnlyList<PanelSection> Panel { get; }

    /// <summary>Persistent warnings shown above the input until the condition goes away.</summary>
    IReadOnlyList<Banner> Banners { get; }

    /// <summary>Menu entries the profile offers now.</summary>
    IReadOnlyList<ProfileAction> Actions { get; }

    /// <summary>Masks secrets before a line reaches a transcript, the scrollback or history.</summary>
    ISecretRedactor? Redactor { get; }

    /// <summary>The verdict on the conversation so far (headless exit codes come from it).</summary>
    ProfileResult Result { get; }

    /// <summary>Raised (on any thread) when the prompt, panel, banners or actions changed.</summary>
    event EventHandler? Changed;

    /// <summary>Tab completion for the input line at <paramref name="caret"/>.</summary>
    IReadOnlyList<Completion> Complete(string input, int caret);

    /// <summary>Looks at a typed or pasted line before anything is sent: send it, ask first, or open a form.</summary>
    SubmitReview Review(string line);

    /// <summary>Sends (or queues, when the protocol needs pacing) a line the user typed and, if asked, confirmed.</summary>
    Task SubmitAsync(string line, CancellationToken ct);

    /// <summary>Set while an answer from the server is overdue (a few seconds); null otherwise.</summary>
    ProfileWait? Waiting => null;

    /// <summary>The command that repeats this session without the UI ("Export…"); null when there is none.
    /// <paramref name="filePrefix"/> starts the names of any files it needs (the export's own name).</summary>
    ReproduceScript? Reproduce(SessionOptions options, string filePrefix) => null;

    /// <summary>Every session event, in order, after the front end has seen it.</summary>
    void OnEvent(SessionEvent e);

    /// <summary>The user's input has ended (headless stdin EOF). Completes when every queued line was sent and
    /// answered as the protocol requires, so that the caller may half-close.</summary>
    Task DrainAsync(CancellationToken ct);
}
