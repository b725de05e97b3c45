using NetTerm.Smtp.Sandbox;

namespace NetTerm.Smtp.Tests.Sandbox;

/// <summary>A sandbox on a free port with its own store directory, stopped and deleted afterwards.</summary>
internal sealed class SandboxFixture : IAsyncDisposable
{
    private readonly List<StoredMessage> _stored = [];

    private SandboxFixture(string store) => Store = store;

    public string Store { get; }

    public SandboxServer Server { get; private set; } = null!;

    public SandboxInfo Info => Server.Info;

    public IReadOnlyList<StoredMessage> Stored
    {
        get
        {
            lock (_stored)
            {
                return [.. _stored];
            }
        }
    }

    public static async Task<SandboxFixture> StartAsync()
    {
        var fixture = new SandboxFixture(Directory.CreateTempSubdirectory("netterm-sandbox-test-").FullName);
        fixture.Server = await SandboxServer.StartAsync(
            new SandboxOptions(0, fixture.Store),
            m =>
            {
                lock (fixture._stored)
                {
                    fixture._stored.Add(m);
                }
            },
            CancellationToken.None);
        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Store, recursive: true);
    }
}
