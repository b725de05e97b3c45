using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace NetTerm.Testing.Smtp;

/// <summary>
/// A small scripted SMTP server on loopback for profile tests: greeting, EHLO, STARTTLS (real TLS), AUTH PLAIN and
/// LOGIN, MAIL/RCPT with a relay policy, DATA, RSET, NOOP, QUIT. It records every line it received and every message
/// (as received on the wire, still dot-stuffed). For what it cannot express, use <see cref="ScriptedServer"/>.
/// </summary>
public sealed partial class FakeSmtpServer : IAsyncDisposable
{
    private readonly ScriptedServer _server;
    private readonly FakeSmtpServerOptions _options;

    public FakeSmtpServer(FakeSmtpServerOptions? options = null)
    {
        _options = options ?? new FakeSmtpServerOptions();
        _server = new ScriptedServer(ServeAsync);
    }

    public int Port => _server.Port;

    /// <summary>Every line received, in order, as text (SASL responses included: tests look for leaks elsewhere).</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    /// <summary>Message bodies between 354 and the final ".", as on the wire.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();


    /// <summary>Bytes of further commands that had arrived when the reply to MAIL was about to be written.</summary>
    public int CommandsWaitingAtMailReply { get; private set; }

    public IReadOnlyList<Exception> Errors => _server.Errors;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ServeAsync(Socket socket, CancellationToken ct)
    {
        Stream stream = new NetworkStream(socket, ownsSocket: false);
        var reader = new LineReader(stream, this);
        await WriteAsync(stream, _options.Greeting, ct);
        var tls = false;
        var authed = false;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await WriteAsync(stream, _options.AnswerEhloWith500 ? "500 5.5.1 command unrecognized" : Ehlo(tls), ct);
                    break;
                case "HELO":
                    await WriteAsync(stream, "250 fake.test", ct);
                    break;
                case "STARTTLS" when _options.Certificate is not null && !tls:
                    var answer = _options.StartTlsReply + "\r\n" + (_options.InjectAfterStartTls ?? string.Empty);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), ct);
                    if (!_options.StartTlsReply.StartsWith("220", StringComparison.Ordinal))
                    {
                        break;
                    }

                    var ssl = new SslStream(stream);
                    try
                    {
                        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _options.Certificate }, ct);
                    }
                    catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
                    {
                        return; // the client refused to go on (injection detected): that is the point of the test
                    }

                    stream = ssl;
                    reader = new LineReader(stream, this);
                    tls = true;
                    authed = false;
                    break;
                case "AUTH":
                    authed = await AuthAsync(stream, reader, line, ct);
                    break;
                case "MAIL":
                    await Task.Delay(_options.MailReplyDelay, ct);
                    // Commands already waiting before MAIL is answered were sent without waiting for it: pipelining.
                    CommandsWaitingAtMailReply = reader.Buffered + socket.Available;
                    await WriteAsync(stream, "250 2.1.0 Ok", ct);
                    break;
                case "RCPT":
                    var local = line.Contains("@" + _options.LocalDomain + ">", StringComparison.OrdinalIgnoreCase);
                    await WriteAsync(stream, local || authed ? "250 2.1.5 Ok" : "554 5.7.1 <x>: Relay access denied", ct);
                    break;
                case "DATA":
                    await WriteAsync(stream, "354 End data with <CR><LF>.<CR><LF>", ct);
                    var body = new StringBuilder();
                    while (await reader.ReadLineAsync(ct) is { } data && data != ".")
                    {
                        body.Append(data).Append("\r\n");
                    }

                    Messages.Enqueue(body.ToString());
                    await WriteAsync(stream, $"250 2.0.0 Ok: queued as Q{Messages.Count}", ct);
                    break;
                case "RSET" or "NOOP":
                    await WriteAsync(stream, "250 2.0.0 Ok", ct);
                    break;
                case "QUIT":
                    await WriteAsync(stream, "221 2.0.0 Bye", ct);
                    return;
                default:
                    await WriteAsync(stream, "502 5.5.2 Error: command not recognized", ct);
                    break;
            }
        }
    }

    private string Ehlo(bool tls)
    {
        var keywords = (tls ? _options.TlsKeywords : _options.Keywords).ToList();
        if (!tls && _options.Certificate is not null)
        {
            keywords.Add("STARTTLS");
        }

        var lines = new List<string> { "fake.test" };
        lines.AddRange(keywords);
        return string.Join("\r\n", lines.Select((l, i) => (i == lines.Count - 1 ? "250 " : "250-") + l));
    }

    private static Task WriteAsync(Stream stream, string reply, CancellationToken ct) =>
        stream.WriteAsync(Encoding.UTF8.GetBytes(reply + "\r\n"), ct).AsTask();
}
