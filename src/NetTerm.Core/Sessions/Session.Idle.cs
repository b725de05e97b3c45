namespace NetTerm.Core.Sessions;

public sealed partial class Session
{
    /// <summary>nc -w: ends the session when nothing moved either way for the idle timeout.</summary>
    private Timer? StartIdleWatch(CancellationToken ct)
    {
        if (Options.IdleTimeout is not { } limit || limit <= TimeSpan.Zero)
        {
            return null;
        }

        var period = TimeSpan.FromMilliseconds(Math.Clamp(limit.TotalMilliseconds / 4, 50, 1000));
        return new Timer(
            _ =>
            {
                var idle = Environment.TickCount64 - Volatile.Read(ref _lastActivity);
                if (!ct.IsCancellationRequested && idle >= limit.TotalMilliseconds)
                {
                    _ = CloseAsync($"idle timeout: nothing sent or received for {Transport.TcpConnector.FormatSeconds(limit)}", null);
                }
            },
            null,
            period,
            period);
    }
}
