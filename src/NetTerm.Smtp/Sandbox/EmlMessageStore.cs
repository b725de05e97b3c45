using System.Buffers;
using System.Globalization;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NetTerm.Smtp.Sandbox;

/// <summary>Writes every accepted message to <c>yyyyMMdd-HHmmss-fff-NNNN.eml</c>, byte for byte as SmtpServer hands it
/// over: already un-dot-stuffed, CRLF line ends as sent, nothing added (no Received: header), so a test can compare
/// the file with what the client meant to send.</summary>
internal sealed class EmlMessageStore : IMessageStore
{
    private static readonly byte[] _crlf = "\r\n"u8.ToArray();
    private static readonly byte[] _stuffedLineStart = ".."u8.ToArray();

    private readonly string _directory;
    private readonly Action<StoredMessage>? _stored;
    private readonly TimeProvider _time;
    private int _counter;

    public EmlMessageStore(string directory, Action<StoredMessage>? stored, TimeProvider? time = null)
    {
        _directory = directory;
        _stored = stored;
        _time = time ?? TimeProvider.System;
    }

    public async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(transaction);
        var now = _time.GetLocalNow();
        var number = Interlocked.Increment(ref _counter);
        var name = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd-HHmmss-fff}-{number:D4}.eml");
        var path = Path.Combine(_directory, name);
        long size = 0;
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 16 * 1024, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            var body = buffer;

            // SmtpServer removes the stuffed dot only after a CRLF, so a first line that starts with ".." keeps both
            // dots (RFC 5321 §4.5.2 applies to every line). Un-stuff that one line here.
            if (StartsWith(body, _stuffedLineStart))
            {
                body = body.Slice(1);
            }

            foreach (var segment in body)
            {
                await file.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
                size += segment.Length;
            }

            // The library's buffer stops before the CRLF that precedes the terminating dot; that CRLF ends the last
            // line of the message (RFC 5321 §4.1.1.4), so it belongs to the message. An empty message stays empty.
            if (size > 0)
            {
                await file.WriteAsync(_crlf, cancellationToken).ConfigureAwait(false);
                size += _crlf.Length;
            }
        }

        var message = new StoredMessage(
            now,
            path,
            transaction.From is { } from ? Address(from) : string.Empty,
            [.. transaction.To.Select(Address)],
            size,
            context.Authentication.IsAuthenticated ? context.Authentication.User : null,
            context.Pipe.IsSecure);
        _stored?.Invoke(message);
        return new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Ok: queued as {Path.GetFileNameWithoutExtension(name)}");
    }

    private static string Address(IMailbox mailbox) =>
        string.IsNullOrEmpty(mailbox.User) && string.IsNullOrEmpty(mailbox.Host) ? string.Empty : mailbox.AsAddress();

    private static bool StartsWith(ReadOnlySequence<byte> buffer, byte[] prefix)
    {
        if (buffer.Length < prefix.Length)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[prefix.Length];
        buffer.Slice(0, prefix.Length).CopyTo(head);
        return head.SequenceEqual(prefix);
    }
}
