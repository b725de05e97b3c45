using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace NetTerm.Smtp.Sandbox;

/// <summary>The relay policy of a real MX: mail for <see cref="SandboxOptions.LocalDomain"/> is local and always
/// accepted; anything else is relaying, allowed only to an authenticated client.</summary>
internal sealed class RelayPolicyFilter : IMailboxFilter
{
    /// <summary>The reply a relay attempt gets, as Postfix words it.</summary>
    public const string RelayDenied = "5.7.1 Relaying denied";

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(to);
        if (IsLocal(to) || context.Authentication.IsAuthenticated)
        {
            return Task.FromResult(true);
        }

        // SmtpServer answers a refused RCPT with its fixed "550 mailbox unavailable", and a thrown
        // SmtpResponseException gets ", N retry(ies) remaining." appended. So the filter leaves the reason in the
        // session, and the reply writer puts it on the 550 the library is about to send.
        EnhancedReplyWriter.SetNextRejection(context, RelayDenied);
        return Task.FromResult(false);
    }

    private static bool IsLocal(IMailbox mailbox) =>
        string.Equals(mailbox.Host, SandboxOptions.LocalDomain, StringComparison.OrdinalIgnoreCase);
}
