using System.Threading.Channels;
using NetTerm.Core.Sessions;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Send;

/// <summary>Frames replies on the session's read loop for the sender. It can pause right after the next reply (the
/// 220 to STARTTLS), leaving anything behind it unconsumed so the upgrade refuses (RFC 3207 §4.2).</summary>
internal sealed class SmtpReplyReader : IInboundObserver
{
    /// <summary>Replies not yet taken by the sender. More than this many unanswered is a flood, not SMTP.</summary>
    private const int MaxQueued = 1024;

    private readonly SmtpReplyParser _parser = new();
    private readonly Channel<SmtpReply> _replies = Channel.CreateBounded<SmtpReply>(
        new BoundedChannelOptions(MaxQueued) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true, SingleWriter = true });

    private volatile bool _pauseAfterNextReply;

    public ChannelReader<SmtpReply> Replies => _replies.Reader;

    /// <summary>Set by a flood of unread replies.</summary>
    public bool Overflowed { get; private set; }

    public void PauseAfterNextReply() => _pauseAfterNextReply = true;

    /// <summary>A new stream (after the handshake): nothing from before may carry over.</summary>
    public void Reset() => _parser.Reset();

    public InboundDecision OnInbound(ReadOnlySpan<byte> data)
    {
        var rest = data;
        while (_parser.TryParse(ref rest, out var reply))
        {
            if (!_replies.Writer.TryWrite(reply))
            {
                Overflowed = true;
            }

            if (_pauseAfterNextReply)
            {
                _pauseAfterNextReply = false;
                var consumed = data.Length - rest.Length;
                // Bytes the parser already holds arrived before the handshake as surely as unread ones: leave one
                // unconsumed so that the session refuses the upgrade.
                return new InboundDecision(_parser.IsIdle ? consumed : Math.Max(0, consumed - 1), Pause: true);
            }
        }

        return InboundDecision.All(data.Length);
    }

    public IReadOnlyList<SessionEvent> OnClosing(ClosedEvent closed)
    {
        _replies.Writer.TryComplete();
        return [];
    }
}
