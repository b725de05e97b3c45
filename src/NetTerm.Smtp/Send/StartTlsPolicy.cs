namespace NetTerm.Smtp.Send;

/// <summary>`--starttls`: auto upgrades when offered (and requires it before AUTH unless plaintext AUTH is allowed),
/// always fails when it is not offered, never does not try.</summary>
public enum StartTlsPolicy
{
    Auto,
    Always,
    Never,
}
