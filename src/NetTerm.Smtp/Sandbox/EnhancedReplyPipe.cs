using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;

namespace NetTerm.Smtp.Sandbox;

/// <summary>The library's connection with <see cref="EnhancedReplyWriter"/> in front of its output.</summary>
internal sealed class EnhancedReplyPipe : ISecurableDuplexPipe
{
    private readonly ISecurableDuplexPipe _inner;
    private readonly EnhancedReplyWriter _output;

    public EnhancedReplyPipe(ISecurableDuplexPipe inner, ISessionContext context)
    {
        _inner = inner;
        _output = new EnhancedReplyWriter(() => inner.Output, context);
    }

    public PipeReader Input => _inner.Input;

    public PipeWriter Output => _output;

    public bool IsSecure => _inner.IsSecure;

    public SslProtocols SslProtocol => _inner.SslProtocol;

    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
        _inner.UpgradeAsync(certificate, protocols, cancellationToken);

    public void Dispose() => _inner.Dispose();
}
