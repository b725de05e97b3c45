using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using SmtpServer;

namespace NetTerm.Smtp.Sandbox;

/// <summary>
/// The output side of a sandbox connection. SmtpServer writes its replies without enhanced status codes ("250 Ok",
/// "550 mailbox unavailable") and offers no hook to change them, since its commands are sealed and write to the pipe
/// themselves. So this writer sits between the commands and the socket: it collects what a command writes and, at
/// each flush, gives every complete reply line an RFC 3463 code (<see cref="EnhancedStatusCodes"/>) unless it has
/// one, and replaces the text of a rejection whose reason a filter left (<see cref="SetNextRejection"/>). Everything
/// else passes unchanged.
/// </summary>
internal sealed class EnhancedReplyWriter : PipeWriter
{
    private const string RejectionKey = "NetTerm.Sandbox.Rejection";

    private readonly Func<PipeWriter> _target;
    private readonly ISessionContext _context;
    private readonly ArrayBufferWriter<byte> _pending = new(512);
    private volatile string? _command;

    /// <param name="target">The library's current output (it changes when STARTTLS swaps the stream).</param>
    public EnhancedReplyWriter(Func<PipeWriter> target, ISessionContext context)
    {
        _target = target;
        _context = context;
        context.CommandExecuting += (_, e) => _command = e.Command.Name;
    }

    /// <summary>Makes the next 5xx reply on this session read "5xx <paramref name="text"/>".</summary>
    public static void SetNextRejection(ISessionContext context, string text)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Properties[RejectionKey] = text;
    }

    public override void Advance(int bytes) => _pending.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

    public override void CancelPendingFlush() => _target().CancelPendingFlush();

    public override void Complete(Exception? exception = null) => _target().Complete(exception);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = _target();
        var written = _pending.WrittenSpan;
        var end = written.LastIndexOf("\r\n"u8);
        if (end < 0)
        {
            return target.FlushAsync(cancellationToken);
        }

        // Replies are ASCII (the library encodes them so); Latin-1 maps any stray byte one to one.
        var text = Encoding.Latin1.GetString(written[..end]);
        var rest = written[(end + 2)..].ToArray();
        var output = new StringBuilder(text.Length + 32);
        foreach (var line in text.Split("\r\n"))
        {
            output.Append(Rewrite(line)).Append("\r\n");
        }

        target.Write(Encoding.Latin1.GetBytes(output.ToString()));
        _pending.ResetWrittenCount();
        _pending.Write(rest);
        return target.FlushAsync(cancellationToken);
    }

    internal string Rewrite(string line)
    {
        if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code) || (line.Length > 3 && line[3] is not (' ' or '-')))
        {
            return line;
        }

        var separator = line.Length > 3 ? line[3] : ' ';
        var text = line.Length > 4 ? line[4..] : string.Empty;
        if (code == 334)
        {
            // SmtpServer sends "334  " (two spaces) for an empty challenge; RFC 4954 wants "334 " and strict clients
            // (NetTerm among them) check the base64.
            return $"334 {text.Trim()}";
        }

        if (code is >= 500 and < 600 && _context.Properties.TryGetValue(RejectionKey, out var reason) && reason is string replacement)
        {
            _context.Properties.Remove(RejectionKey);
            return $"{code}{separator}{replacement}";
        }

        if (EnhancedStatusCodes.HasCode(text) || EnhancedStatusCodes.For(code, _command) is not { } enhanced)
        {
            return line;
        }

        return text.Length == 0 ? $"{code}{separator}{enhanced}" : $"{code}{separator}{enhanced} {text}";
    }
}
