namespace NetTerm.Smtp;

/// <summary>Placeholder so the project builds; the SMTP profile replaces it.</summary>
internal static class SmtpProfilePlaceholder;
