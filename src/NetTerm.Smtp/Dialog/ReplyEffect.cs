namespace NetTerm.Smtp.Dialog;

/// <summary>What a reply means for the session beyond its text.</summary>
internal enum ReplyEffect
{
    None,

    /// <summary>220 to STARTTLS: upgrade at this exact byte boundary.</summary>
    UpgradeNow,

    /// <summary>354: the following lines are message content.</summary>
    DataMode,

    /// <summary>334: the server wants the next SASL response.</summary>
    SaslChallenge,

    /// <summary>The SASL exchange ended (235 or a failure).</summary>
    SaslDone,

    MessageAccepted,
    MessageRejected,

    /// <summary>221 or 421: the server is closing the session.</summary>
    Closing,
}
