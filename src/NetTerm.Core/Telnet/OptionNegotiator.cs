using System.Buffers;

namespace NetTerm.Core.Telnet;

/// <summary>
/// RFC 1143 "Q method" option negotiation for both sides of all 256 options. An option is enabled exactly when its
/// state is YES. Replies are only sent on state changes, plus one refusal per positive request we decline, so two
/// conforming peers cannot loop and the reply bytes never exceed the request bytes.
/// </summary>
internal sealed class OptionNegotiator
{
    private const byte OppositeBit = 0x80;
    private const byte StateMask = 0x03;

    // Per option: QState in the low bits, the RFC 1143 queue bit (OPPOSITE) in the high bit.
    private readonly byte[] _us = new byte[256];
    private readonly byte[] _him = new byte[256];
    private readonly OptionPolicy _policy;

    public OptionNegotiator(OptionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <summary>The RFC 1143 state of an option on our side (<paramref name="local"/>) or the server's.</summary>
    public QState GetState(byte option, bool local) => (QState)((local ? _us : _him)[option] & StateMask);

    /// <summary>Whether the RFC 1143 queue bit (OPPOSITE) is set.</summary>
    public bool IsQueued(byte option, bool local) => ((local ? _us : _him)[option] & OppositeBit) != 0;

    /// <summary>Whether the option is enabled (state YES).</summary>
    public bool IsEnabled(byte option, bool local) => GetState(option, local) == QState.Yes;

    /// <summary>Handles a received WILL, WONT, DO or DONT; writes any reply to <paramref name="toPeer"/>.</summary>
    public NegotiationOutcome Receive(TelnetCommand verb, byte option, IBufferWriter<byte> toPeer)
    {
        ArgumentNullException.ThrowIfNull(toPeer);
        return verb switch
        {
            // WILL/WONT are about the server's side, so we answer DO/DONT; DO/DONT about ours, answered WILL/WONT.
            TelnetCommand.WILL => ReceivePositive(_him, option, _policy.Accepts((TelnetOption)option, local: false),
                TelnetCommand.DO, TelnetCommand.DONT, toPeer),
            TelnetCommand.DO => ReceivePositive(_us, option, _policy.Accepts((TelnetOption)option, local: true),
                TelnetCommand.WILL, TelnetCommand.WONT, toPeer),
            TelnetCommand.WONT => ReceiveNegative(_him, option, TelnetCommand.DO, TelnetCommand.DONT, toPeer),
            TelnetCommand.DONT => ReceiveNegative(_us, option, TelnetCommand.WILL, TelnetCommand.WONT, toPeer),
            _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "Expected WILL, WONT, DO or DONT."),
        };
    }

    /// <summary>
    /// Asks to enable or disable an option on our side (<paramref name="local"/>: WILL/WONT) or the server's
    /// (DO/DONT). A request that is already satisfied or already pending sends nothing.
    /// </summary>
    public OptionChange Request(byte option, bool local, bool enable, IBufferWriter<byte> toPeer)
    {
        ArgumentNullException.ThrowIfNull(toPeer);
        var table = local ? _us : _him;
        var yes = local ? TelnetCommand.WILL : TelnetCommand.DO;
        var no = local ? TelnetCommand.WONT : TelnetCommand.DONT;
        var state = (QState)(table[option] & StateMask);
        var queued = (table[option] & OppositeBit) != 0;
        switch (state)
        {
            case QState.No when enable:
                Set(table, option, QState.WantYes, queued: false);
                TelnetWriter.WriteNegotiation(yes, option, toPeer);
                break;
            case QState.Yes when !enable:
                Set(table, option, QState.WantNo, queued: false);
                TelnetWriter.WriteNegotiation(no, option, toPeer);
                return OptionChange.Disabled;
            case QState.WantNo:
                // Queue the opposite request until the pending DONT/WONT is answered, or cancel a queued one.
                Set(table, option, QState.WantNo, queued: enable);
                break;
            case QState.WantYes:
                Set(table, option, QState.WantYes, queued: !enable);
                break;
        }

        return OptionChange.None;
    }

    private static NegotiationOutcome ReceivePositive(byte[] table, byte option, bool accept, TelnetCommand agree,
        TelnetCommand refuse, IBufferWriter<byte> toPeer)
    {
        var queued = (table[option] & OppositeBit) != 0;
        switch ((QState)(table[option] & StateMask))
        {
            case QState.No when accept:
                Set(table, option, QState.Yes, queued: false);
                TelnetWriter.WriteNegotiation(agree, option, toPeer);
                return new NegotiationOutcome(OptionChange.Enabled);
            case QState.No:
                // The one reply to an unchanged state: a refusal, once per request, so never more than we got.
                TelnetWriter.WriteNegotiation(refuse, option, toPeer);
                return NegotiationOutcome.None;
            case QState.WantNo when queued:
                Set(table, option, QState.Yes, queued: false);
                return new NegotiationOutcome(OptionChange.Enabled, $"Option {option}: disable answered by enable.");
            case QState.WantNo:
                Set(table, option, QState.No, queued: false);
                return new NegotiationOutcome(OptionChange.None, $"Option {option}: disable answered by enable.");
            case QState.WantYes when queued:
                // Enabled as asked, but we meanwhile changed our mind: ask to disable right away.
                Set(table, option, QState.WantNo, queued: false);
                TelnetWriter.WriteNegotiation(refuse, option, toPeer);
                return NegotiationOutcome.None;
            case QState.WantYes:
                Set(table, option, QState.Yes, queued: false);
                return new NegotiationOutcome(OptionChange.Enabled);
            default:
                return NegotiationOutcome.None;
        }
    }

    private static NegotiationOutcome ReceiveNegative(byte[] table, byte option, TelnetCommand agree,
        TelnetCommand refuse, IBufferWriter<byte> toPeer)
    {
        var queued = (table[option] & OppositeBit) != 0;
        switch ((QState)(table[option] & StateMask))
        {
            case QState.Yes:
                Set(table, option, QState.No, queued: false);
                TelnetWriter.WriteNegotiation(refuse, option, toPeer);
                return new NegotiationOutcome(OptionChange.Disabled);
            case QState.WantNo when queued:
                // Our disable is acknowledged; now send the enable request we queued meanwhile.
                Set(table, option, QState.WantYes, queued: false);
                TelnetWriter.WriteNegotiation(agree, option, toPeer);
                return NegotiationOutcome.None;
            case QState.WantNo:
            case QState.WantYes:
                Set(table, option, QState.No, queued: false);
                return NegotiationOutcome.None;
            default:
                // NO: a negative request for what is already off needs no answer (that is what breaks loops).
                return NegotiationOutcome.None;
        }
    }

    private static void Set(byte[] table, byte option, QState state, bool queued) =>
        table[option] = (byte)((byte)state | (queued ? OppositeBit : 0));
}
