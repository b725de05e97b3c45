using NetTerm.Core.Transport;

namespace NetTerm.Smtp.Send;

/// <summary>Ends a send at <see cref="Stage"/>, with one line for the user; <see cref="Connection"/> is set when the
/// connection itself failed (its kind decides the exit code).</summary>
internal sealed class SendFailure(SendStage stage, string message, ConnectFailure? connection = null) : Exception(message)
{
    public SendStage Stage { get; } = stage;

    public ConnectFailure? Connection { get; } = connection;
}
