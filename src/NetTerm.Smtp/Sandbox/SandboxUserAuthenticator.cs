using System.Security.Cryptography;
using System.Text;
using SmtpServer;
using SmtpServer.Authentication;

namespace NetTerm.Smtp.Sandbox;

/// <summary>Accepts the one configured account. AUTH PLAIN and LOGIN are decoded by SmtpServer; this only compares.</summary>
internal sealed class SandboxUserAuthenticator(string user, string password) : IUserAuthenticator
{
    private readonly byte[] _user = Encoding.UTF8.GetBytes(user);
    private readonly byte[] _password = Encoding.UTF8.GetBytes(password);

    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
    {
        // Both comparisons always run, in constant time: a demo server still should not teach timing leaks.
        var userOk = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user ?? string.Empty), _user);
        var passwordOk = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password ?? string.Empty), _password);
        return Task.FromResult(userOk & passwordOk);
    }
}
