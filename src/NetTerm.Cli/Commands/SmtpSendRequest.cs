using System.CommandLine;
using System.Globalization;
using System.Text;
using NetTerm.Cli.Headless;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Smtp.Data;
using NetTerm.Smtp.Send;

namespace NetTerm.Cli.Commands;

/// <summary>Checks `netterm smtp send`'s options and builds the <see cref="SendOptions"/>; every problem is a one-line
/// usage error (exit 2).</summary>
internal static class SmtpSendRequest
{
    public static async Task<SendOptions> BuildAsync(
        ParseResult pr, SmtpSendOptions o, ConsoleStreams console, Func<string, string?> getEnv, CancellationToken ct)
    {
        // Without --server the MX lookup picks hosts later; the options name the first recipient's domain for now.
        var from = pr.GetValue(o.From) ?? throw new UsageException("--from is required (the envelope sender)");
        var to = pr.GetValue(o.To) ?? [];
        var cc = pr.GetValue(o.Cc) ?? [];
        if (to.Length == 0)
        {
            throw new UsageException("--to is required (at least one recipient)");
        }

        // A CR or LF in an address would end the command and start another of the caller's making (command
        // injection from a script that passes untrusted addresses): refuse every control character up front.
        foreach (var (option, value) in new[] { ("--from", from), ("--helo", pr.GetValue(o.Helo)), ("--user", pr.GetValue(o.User)) }
            .Concat(to.Select(t => ("--to", (string?)t))).Concat(cc.Select(c => ("--cc", (string?)c))))
        {
            if (value is not null && value.Any(char.IsControl))
            {
                throw new UsageException($"{option} must not contain control characters (CR, LF, …)");
            }
        }

        var port = pr.GetValue(o.Port);
        if (port is < 1 or > 65535)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--port must be 1..65535 (got {port})"));
        }

        // swaks style "--server host:port" (and "[::1]:2525") works too; -p then must agree.
        string? server = null;
        if (pr.GetValue(o.Server) is { } typed)
        {
            try
            {
                var target = HostPort.Parse(typed, port, 25);
                (server, port) = (target.Host, target.Port);
            }
            catch (FormatException ex)
            {
                throw new UsageException("--server: " + ex.Message);
            }
        }

        var count = pr.GetValue(o.Count);
        if (count is < 1 or > 1_000_000)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--count must be 1..1000000 (got {count})"));
        }

        var timeout = ConnectRequestBuilder.Seconds(pr.GetValue(o.Timeout), "--timeout");

        server ??= DomainOf(to[0]);
        var tls = new TlsOptions(server, CaFile: pr.GetValue(o.Ca)?.FullName, Insecure: pr.GetValue(o.Insecure));
        if (tls.CaFile is { } ca && !File.Exists(ca))
        {
            throw new UsageException($"--ca: no such file: {ca}");
        }

        var session = new SessionOptions(server, port ?? 25)
        {
            Mode = SessionMode.Raw,
            // 465 is implicit TLS (RFC 8314) unless --tls false says otherwise.
            Tls = (pr.GetResult(o.Tls) is { Implicit: false } ? pr.GetValue(o.Tls) : port == 465) ? tls : null,
            UpgradeTls = tls,
            ConnectTimeout = timeout,
        };
        var mechanism = pr.GetValue(o.Auth)?.ToUpperInvariant();
        var password = await PasswordAsync(pr, o, mechanism, console, getEnv, ct).ConfigureAwait(false);
        return new SendOptions(session, pr.GetValue(o.Helo) ?? DefaultHelo(), from, [.. to, .. cc])
        {
            StartTls = pr.GetValue(o.StartTls) switch { "always" => StartTlsPolicy.Always, "never" => StartTlsPolicy.Never, _ => StartTlsPolicy.Auto },
            Message = Message(pr, o, from, to, cc),
            AuthMechanism = mechanism,
            User = pr.GetValue(o.User),
            Password = password,
            AllowPlaintextAuth = pr.GetValue(o.AllowPlaintextAuth),
            Pipelining = pr.GetValue(o.Pipelining),
            Count = count,
            QuitAfter = pr.GetValue(o.QuitAfter) is { } stage ? Enum.Parse<SendStage>(stage, ignoreCase: true) : null,
            ReplyTimeout = timeout,
            ShowData = pr.GetValue(o.ShowData),
        };
    }

    private static async Task<string?> PasswordAsync(
        ParseResult pr, SmtpSendOptions o, string? mechanism, ConsoleStreams console, Func<string, string?> getEnv, CancellationToken ct)
    {
        var variable = pr.GetValue(o.PasswordEnv);
        var fromStdin = pr.GetValue(o.PasswordStdin);
        if (mechanism is null)
        {
            return variable is not null || fromStdin || pr.GetValue(o.User) is not null
                ? throw new UsageException("--user, --password-env and --password-stdin need --auth MECHANISM")
                : null;
        }

        if (pr.GetValue(o.User) is not { Length: > 0 })
        {
            throw new UsageException($"--auth {mechanism} needs --user");
        }

        if ((variable is null) == !fromStdin)
        {
            throw new UsageException($"--auth {mechanism} needs the password from exactly one of --password-env VAR or --password-stdin");
        }

        if (variable is not null)
        {
            return getEnv(variable) is { Length: > 0 } value ? value : throw new UsageException($"--password-env: {variable} is not set or empty");
        }

        using var reader = new StreamReader(console.Input, Encoding.UTF8, leaveOpen: true);
        var line = await reader.ReadLineAsync(ct).ConfigureAwait(false);
        return line is { Length: > 0 } ? line : throw new UsageException("--password-stdin: the first line of stdin is empty");
    }

    /// <summary>The message: an .eml as it is (line ends made CRLF), or one composed with MimeKit from the options.</summary>
    private static ReadOnlyMemory<byte> Message(ParseResult pr, SmtpSendOptions o, string from, string[] to, string[] cc)
    {
        if (pr.GetValue(o.Eml) is { } eml)
        {
            if (pr.GetValue(o.Body) is not null || pr.GetValue(o.BodyFile) is not null || pr.GetValue(o.Subject) is not null || (pr.GetValue(o.Header)?.Length ?? 0) > 0)
            {
                throw new UsageException("--eml sends the file as it is: it excludes --body, --body-file, --subject and --header");
            }

            return Crlf(Read(eml, "--eml"));
        }

        if (pr.GetValue(o.Body) is not null && pr.GetValue(o.BodyFile) is not null)
        {
            throw new UsageException("--body and --body-file exclude each other");
        }

        var body = pr.GetValue(o.Body) ?? (pr.GetValue(o.BodyFile) is { } file ? Encoding.UTF8.GetString(Read(file, "--body-file")) : "This is a test message sent with netterm smtp send.");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in pr.GetValue(o.Header) ?? [])
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new UsageException($"--header must be \"Name: value\" (got '{header}')");
            }

            headers.Add(new(header[..colon].Trim(), header[(colon + 1)..].Trim()));
        }

        try
        {
            var request = new ComposeRequest(from, to, cc, pr.GetValue(o.Subject) ?? "netterm test message", body, headers, Allow8Bit: false);
            return new MessageComposer().Compose(request).Bytes;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static byte[] Read(FileInfo file, string option)
    {
        try
        {
            return File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: {Core.Text.Messages.OneLine(ex.Message)}");
        }
    }

    /// <summary>Bare LF (and lone CR) line ends become CRLF, as SMTP requires (RFC 5321 §2.3.8).</summary>
    private static byte[] Crlf(byte[] bytes)
    {
        var output = new MemoryStream(bytes.Length + 64);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '\r')
            {
                output.Write("\r\n"u8);
                if (i + 1 < bytes.Length && bytes[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (b == '\n')
            {
                output.Write("\r\n"u8);
            }
            else
            {
                output.WriteByte(b);
            }
        }

        return output.ToArray();
    }

    /// <summary>The domain of an address ("b@example.org" → "example.org").</summary>
    internal static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1
            ? address[(at + 1)..].TrimEnd('>')
            : throw new UsageException($"--to {address}: no domain to look up MX for (give --server)");
    }

    private static string DefaultHelo()
    {
        try
        {
            var name = System.Net.Dns.GetHostName();
            return name.Length > 0 ? name : "localhost";
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "localhost";
        }
    }
}
