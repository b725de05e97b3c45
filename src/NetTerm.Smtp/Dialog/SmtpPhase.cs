namespace NetTerm.Smtp.Dialog;

/// <summary>Where the SMTP dialog is: greeting → EHLO/HELO → (TLS) → (AUTH) → MAIL → RCPT → DATA → accepted.</summary>
internal enum SmtpPhase
{
    /// <summary>Connected, waiting for the 220 greeting.</summary>
    Greeting,

    /// <summary>Greeted; the client has not identified itself yet (or must again after TLS).</summary>
    Connected,

    /// <summary>EHLO or HELO accepted; no transaction.</summary>
    Identified,

    /// <summary>MAIL FROM accepted.</summary>
    Mail,

    /// <summary>At least one RCPT TO accepted.</summary>
    Recipients,

    /// <summary>354 received: lines are message content until a lone ".".</summary>
    Data,

    /// <summary>The final "." was sent; waiting for the verdict on the message.</summary>
    DataSent,

    /// <summary>QUIT answered, or 421: the server is closing.</summary>
    Closing,
}
