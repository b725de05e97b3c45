namespace NetTerm.Smtp.Sandbox;

/// <summary>Settings of the embedded SMTP sandbox (`netterm sandbox`, `netterm smtp --sandbox`).</summary>
/// <param name="Port">TCP port on 127.0.0.1; 0 lets the system pick one (<see cref="SandboxServer.Port"/> reports it).</param>
/// <param name="StoreDirectory">Where accepted messages are written as .eml files; created when missing.</param>
/// <param name="User">The one account AUTH accepts.</param>
/// <param name="Password">Its password.</param>
/// <param name="MaxMessageSize">Advertised with SIZE; larger MAIL FROM SIZE= declarations are refused.</param>
internal sealed record SandboxOptions(
    int Port,
    string StoreDirectory,
    string User = SandboxOptions.DemoUser,
    string Password = SandboxOptions.DemoPassword,
    int MaxMessageSize = 10 * 1024 * 1024)
{
    public const string DemoUser = "demo";

    public const string DemoPassword = "sandbox";

    /// <summary>The domain the sandbox delivers to; any other recipient is a relay and needs AUTH first.</summary>
    public const string LocalDomain = "sandbox.test";

    public const string ServerName = "sandbox.test";
}
