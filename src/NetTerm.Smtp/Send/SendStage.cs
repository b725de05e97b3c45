namespace NetTerm.Smtp.Send;

/// <summary>The stages of a scripted send, in order: where it stopped (`--quit-after`) or failed (exit codes).</summary>
public enum SendStage
{
    Connect,
    Greeting,
    Helo,
    Tls,
    Auth,
    Mail,
    Rcpt,
    Data,
    Quit,
}
