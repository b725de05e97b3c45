namespace NetTerm.Core.Transport;

/// <summary>A connection failure with a one-line, user-facing message.</summary>
public sealed class ConnectException : Exception
{
    public ConnectException(ConnectFailure failure, string message, Exception? inner = null)
        : base(message, inner) => Failure = failure;

    public ConnectException() : this(ConnectFailure.Other, "connection failed") { }

    public ConnectException(string message) : this(ConnectFailure.Other, message) { }

    public ConnectException(string message, Exception inner) : this(ConnectFailure.Other, message, inner) { }

    public ConnectFailure Failure { get; }
}
