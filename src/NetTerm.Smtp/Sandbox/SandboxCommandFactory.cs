using SmtpServer.Protocol;

namespace NetTerm.Smtp.Sandbox;

/// <summary>The library's commands, with EHLO swapped for <see cref="SandboxEhloCommand"/>.</summary>
internal sealed class SandboxCommandFactory : SmtpCommandFactory
{
    public override SmtpCommand CreateEhlo(string domainOrAddress) => new SandboxEhloCommand(domainOrAddress);
}
