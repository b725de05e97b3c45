using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NetTerm.Core.Transport;

/// <summary>
/// Resolves a name and connects to its addresses Happy Eyeballs-style (RFC 8305): families interleaved, a new attempt
/// every <see cref="AttemptDelay"/> or as soon as the previous one fails, first success wins. This is why "localhost"
/// works when it resolves to ::1 first and the server listens on 127.0.0.1 only.
/// </summary>
public static class TcpConnector
{
    /// <summary>RFC 8305's recommended connection attempt delay.</summary>
    public static readonly TimeSpan AttemptDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Connects within <paramref name="timeout"/> (total, DNS included) or throws a <see cref="ConnectException"/>
    /// whose message is one line: "no such host", "connection refused", "timed out after 15 s", "network unreachable".</summary>
    public static Task<Socket> ConnectAsync(
        string host,
        int port,
        AddressFamilyPreference family,
        TimeSpan timeout,
        Action<IPEndPoint>? onAttempt,
        CancellationToken ct) => ConnectAsync(host, port, family, timeout, onAttempt, null, ct);

    /// <summary>As above, with the name lookup replaceable (tests use it to stay off the network's DNS).</summary>
    internal static async Task<Socket> ConnectAsync(
        string host,
        int port,
        AddressFamilyPreference family,
        TimeSpan timeout,
        Action<IPEndPoint>? onAttempt,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            var addresses = await ResolveAsync(host, family, resolve, deadline.Token).ConfigureAwait(false);
            return await RaceAsync(addresses, port, onAttempt, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ConnectException(
                ConnectFailure.TimedOut,
                $"{Describe(host, port)}: timed out after {FormatSeconds(timeout)}");
        }
    }

    internal static string FormatSeconds(TimeSpan t) =>
        t.TotalSeconds.ToString(t.TotalSeconds % 1 == 0 ? "0" : "0.###", CultureInfo.InvariantCulture) + " s";

    private static string Describe(string host, int port) => new HostPort(host, port).ToString();

    private static async Task<IPAddress[]> ResolveAsync(
        string host, AddressFamilyPreference family, Func<string, CancellationToken, Task<IPAddress[]>>? resolve, CancellationToken ct)
    {
        IPAddress[] all;
        if (IPAddress.TryParse(host, out var literal))
        {
            all = [literal];
        }
        else
        {
            try
            {
                all = await (resolve ?? Dns.GetHostAddressesAsync)(host, ct).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new ConnectException(ConnectFailure.NoSuchHost, $"{host}: no such host", ex);
            }
        }

        var wanted = all.Where(a => family switch
        {
            AddressFamilyPreference.IPv4Only => a.AddressFamily == AddressFamily.InterNetwork,
            AddressFamilyPreference.IPv6Only => a.AddressFamily == AddressFamily.InterNetworkV6,
            _ => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6,
        }).ToArray();
        if (wanted.Length == 0)
        {
            var what = family switch
            {
                AddressFamilyPreference.IPv4Only => "no IPv4 address",
                AddressFamilyPreference.IPv6Only => "no IPv6 address",
                _ => "no address",
            };
            throw new ConnectException(ConnectFailure.NoSuchHost, $"{host}: {what}");
        }

        return Interleave(wanted);
    }

    /// <summary>Alternates families, starting with the resolver's first choice (RFC 8305 §4).</summary>
    internal static IPAddress[] Interleave(IReadOnlyList<IPAddress> addresses)
    {
        var first = addresses[0].AddressFamily;
        var a = addresses.Where(x => x.AddressFamily == first).ToList();
        var b = addresses.Where(x => x.AddressFamily != first).ToList();
        var result = new List<IPAddress>(addresses.Count);
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            if (i < a.Count)
            {
                result.Add(a[i]);
            }

            if (i < b.Count)
            {
                result.Add(b[i]);
            }
        }

        return [.. result];
    }

    private static async Task<Socket> RaceAsync(
        IPAddress[] addresses, int port, Action<IPEndPoint>? onAttempt, CancellationToken ct)
    {
        using var losers = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = new List<Task<Socket>>();
        var errors = new List<ConnectException>();
        var next = 0;
        try
        {
            while (true)
            {
                if (next < addresses.Length)
                {
                    var endpoint = new IPEndPoint(addresses[next++], port);
                    onAttempt?.Invoke(endpoint);
                    running.Add(AttemptAsync(endpoint, losers.Token));
                }

                if (running.Count == 0)
                {
                    throw Summarise(errors);
                }

                var pending = new List<Task>(running);
                if (next < addresses.Length)
                {
                    pending.Add(Task.Delay(AttemptDelay, ct));
                }

                var done = await Task.WhenAny(pending).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
                if (done is Task<Socket> attempt)
                {
                    running.Remove(attempt);
                    try
                    {
                        return await attempt.ConfigureAwait(false);
                    }
                    catch (ConnectException ex)
                    {
                        errors.Add(ex);
                    }
                }
            }
        }
        finally
        {
            await losers.CancelAsync().ConfigureAwait(false);
            foreach (var loser in running)
            {
                _ = loser.ContinueWith(
                    t => t.Result.Dispose(),
                    CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion,
                    TaskScheduler.Default);
            }
        }
    }

    private static async Task<Socket> AttemptAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, ct).ConfigureAwait(false);
            return socket;
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new ConnectException(Classify(ex.SocketErrorCode), $"{endpoint}: {Explain(ex.SocketErrorCode)}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>When every address failed, the most telling failure is reported (refused beats unreachable).</summary>
    private static ConnectException Summarise(List<ConnectException> errors)
    {
        if (errors.Count == 1)
        {
            return errors[0];
        }

        var best = errors.OrderBy(e => e.Failure switch
        {
            ConnectFailure.Refused => 0,
            ConnectFailure.TimedOut => 1,
            ConnectFailure.HostUnreachable => 2,
            ConnectFailure.NetworkUnreachable => 3,
            _ => 4,
        }).First();
        return new ConnectException(best.Failure, $"{best.Message} (and {errors.Count - 1} other address(es) failed)", best);
    }

    internal static ConnectFailure Classify(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => ConnectFailure.Refused,
        SocketError.TimedOut => ConnectFailure.TimedOut,
        SocketError.NetworkUnreachable or SocketError.NetworkDown => ConnectFailure.NetworkUnreachable,
        SocketError.HostUnreachable or SocketError.HostDown => ConnectFailure.HostUnreachable,
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => ConnectFailure.NoSuchHost,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => ConnectFailure.ConnectionLost,
        _ => ConnectFailure.Other,
    };

    internal static string Explain(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "timed out",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.NetworkDown => "network is down",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.HostDown => "host is down",
        SocketError.AddressNotAvailable => "address not available",
        SocketError.ConnectionReset => "connection reset by peer",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.AccessDenied => "permission denied",
        _ => error.ToString(),
    };
}
