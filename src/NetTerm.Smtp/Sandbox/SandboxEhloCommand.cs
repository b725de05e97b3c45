using SmtpServer;
using SmtpServer.Protocol;

namespace NetTerm.Smtp.Sandbox;

/// <summary>SmtpServer's EHLO with ENHANCEDSTATUSCODES added to its fixed keyword list (PIPELINING, 8BITMIME,
/// SMTPUTF8, STARTTLS before TLS, SIZE, AUTH PLAIN LOGIN once allowed). The keyword is honest because
/// <see cref="EnhancedReplyWriter"/> puts a code on every reply.</summary>
internal sealed class SandboxEhloCommand(string domainOrAddress) : EhloCommand(domainOrAddress)
{
    protected override string GetGreeting(ISessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"{context.ServerOptions.ServerName} greets {DomainOrAddress}";
    }

    protected override IEnumerable<string> GetExtensions(ISessionContext context)
    {
        foreach (var keyword in base.GetExtensions(context))
        {
            yield return keyword;
            if (keyword == "8BITMIME")
            {
                yield return "ENHANCEDSTATUSCODES";
            }
        }
    }
}
