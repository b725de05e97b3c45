using System.Net;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace NetTerm.Smtp.Sandbox;

/// <summary>The library's TCP listener, plus two things it lacks: the port actually bound (for port 0), and the
/// enhanced-code reply writer on every connection.</summary>
internal sealed class SandboxListenerFactory : EndpointListenerFactory
{
    private readonly TaskCompletionSource<IPEndPoint> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the listener is up.</summary>
    public Task<IPEndPoint> Bound => _bound.Task;

    public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) =>
        new Listener(base.CreateListener(endpointDefinition));

    protected override void OnEndpointStarted(EndpointEventArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        _bound.TrySetResult((IPEndPoint)args.LocalEndPoint);
        base.OnEndpointStarted(args);
    }

    private sealed class Listener(IEndpointListener inner) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken) =>
            new EnhancedReplyPipe(await inner.GetPipeAsync(context, cancellationToken).ConfigureAwait(false), context);

        public void Dispose() => inner.Dispose();
    }
}
