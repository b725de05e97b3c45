using System.Text;
using System.Text.Json;
using NetTerm.Core.Persistence;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Testing;

namespace NetTerm.Core.Tests.Persistence;

public sealed class SessionStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SessionStore _store;

    public SessionStoreTests() => _store = new SessionStore(_temp.Combine("sessions"));

    public void Dispose() => _temp.Dispose();

    private static SavedSession Full(string name = "work") => new(name, "mail.example.com", 465)
    {
        Mode = "smtp",
        Tls = true,
        CaFile = "/etc/ca.pem",
        Insecure = true,
        Sni = "mx.example.com",
        LineEnding = "lf",
        LogFile = "/tmp/work.log",
        Charset = "latin1",
        TerminalType = "VT100",
    };

    [Fact]
    public void Save_ThenLoad_RoundTripsEveryField()
    {
        var session = Full();

        _store.Save(session);

        Assert.Equal(session, _store.Load("work"));
    }

    [Fact]
    public void Save_WritesReadableCamelCaseJsonWithVersion()
    {
        _store.Save(new SavedSession("plain", "host", 23));

        var text = File.ReadAllText(Path.Combine(_store.Directory, "plain.json"));
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("host", root.GetProperty("host").GetString());
        Assert.Equal(23, root.GetProperty("port").GetInt32());
        Assert.Equal("auto", root.GetProperty("mode").GetString());
        Assert.Equal("crlf", root.GetProperty("lineEnding").GetString());
        Assert.False(root.TryGetProperty("caFile", out _), "null fields are left out");
        Assert.StartsWith("{\n  \"version\": 1,", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Missing_ReturnsNull() => Assert.Null(_store.Load("nothing"));

    [Fact]
    public void Load_HandWrittenFileWithUnknownFieldsAndDefaults_Loads()
    {
        Write("mini", """{ "version": 1, "host": "h", "port": 25, "futureField": {"x": [1]}, }""");

        var session = _store.Load("mini");

        Assert.Equal(new SavedSession("mini", "h", 25), session);
    }

    [Fact]
    public void Load_FileRenamedByHand_TakesTheFileName()
    {
        _store.Save(Full("old"));
        File.Move(Path.Combine(_store.Directory, "old.json"), Path.Combine(_store.Directory, "new.json"));

        Assert.Equal("new", _store.Load("new")?.Name);
    }

    [Theory]
    [InlineData("{ not json", "invalid start of a property name")]
    [InlineData("""{ "version": 1, "port": 25 }""", "host is missing or empty")]
    [InlineData("""{ "version": 1, "host": null, "port": 25 }""", "$.host")]
    [InlineData("""{ "version": 1, "host": "h", "port": 25, "mode": null }""", "$.mode")]
    [InlineData("""{ "version": 1, "host": "h", "port": 70000 }""", "port must be 1 to 65535 (got 70000)")]
    [InlineData("""{ "version": 1, "host": "h", "port": 25, "mode": "ssh" }""", "mode must be one of auto, raw, telnet, smtp (got 'ssh')")]
    [InlineData("""{ "version": 1, "host": "h", "port": 25, "lineEnding": "CRLF" }""", "lineEnding must be one of")]
    [InlineData("""{ "version": 2, "host": "h", "port": 25 }""", "version 2 is not supported")]
    [InlineData("""{ "version": 1, "host": "h", "port": "25" }""", "$.port")]
    [InlineData("null", "null")]
    public void Load_CorruptFile_ThrowsOneLineFormatExceptionNamingTheFile(string json, string fragment)
    {
        var path = Write("bad", json);

        var ex = Assert.Throws<FormatException>(() => _store.Load("bad"));

        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.DoesNotContain('\r', ex.Message);
    }

    [Fact]
    public void Save_Existing_OverwritesAtomicallyAndLeavesNoTempFiles()
    {
        _store.Save(Full() with { Port = 1 });
        _store.Save(Full() with { Port = 2 });

        Assert.Equal(2, _store.Load("work")?.Port);
        Assert.Equal(["work.json"], Directory.GetFiles(_store.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Save_TargetCannotBeReplaced_KeepsTheOldFileAndNoTemp()
    {
        _store.Save(Full() with { Port = 1 });
        // A directory where the temp file's rename must land: the move fails after the temp is written.
        var blocker = new SessionStore(_temp.Combine("blocked"));
        Directory.CreateDirectory(Path.Combine(blocker.Directory, "work.json"));

        Assert.ThrowsAny<IOException>(() => blocker.Save(Full()));

        Assert.Equal(1, _store.Load("work")?.Port);
        Assert.Equal(["work.json"], Directory.GetFileSystemEntries(blocker.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Save_InvalidName_ThrowsBeforeTouchingTheDisk()
    {
        var ex = Assert.Throws<ArgumentException>(() => _store.Save(new SavedSession("../escape", "h", 1)));

        Assert.Contains("invalid session name '../escape'", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_store.Directory));
        Assert.False(File.Exists(_temp.Combine("escape.json")));
    }

    [Fact]
    public void Save_InvalidField_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => _store.Save(new SavedSession("w", "h", 0)));

        Assert.Equal("session 'w': port must be 1 to 65535 (got 0)", ex.Message);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    public void LoadAndDelete_InvalidName_ThrowArgumentException(string name)
    {
        Assert.Throws<ArgumentException>(() => _store.Load(name));
        Assert.Throws<ArgumentException>(() => _store.Delete(name));
    }

    [Fact]
    public void List_MixedFiles_SortedByNameWithCorruptOnesCarryingAnError()
    {
        _store.Save(Full("zeta"));
        _store.Save(Full("alpha"));
        Write("middle", "{ broken");
        Write("my work", """{ "host": "h", "port": 1 }""");
        File.WriteAllText(Path.Combine(_store.Directory, "notes.txt"), "ignored");
        File.WriteAllText(Path.Combine(_store.Directory, ".alpha.json.0123.tmp"), "ignored");

        var listing = _store.List();

        Assert.Equal(["alpha", "middle", "my work", "zeta"], listing.Select(l => l.Name));
        Assert.Equal(Full("alpha"), listing[0].Session);
        Assert.Null(listing[0].Error);
        Assert.Null(listing[1].Session);
        Assert.StartsWith(Path.Combine(_store.Directory, "middle.json") + ": ", listing[1].Error, StringComparison.Ordinal);
        Assert.Contains("not a valid session name", listing[2].Error, StringComparison.Ordinal);
        Assert.Equal(465, listing[3].Session?.Port);
    }

    [Fact]
    public void List_NoFolder_IsEmpty() => Assert.Empty(_store.List());

    [Fact]
    public void Delete_Existing_RemovesAndReportsTrueThenFalse()
    {
        _store.Save(Full());

        Assert.True(_store.Delete("work"));
        Assert.False(_store.Delete("work"));
        Assert.Null(_store.Load("work"));
    }

    [Fact]
    public void Save_OnUnix_FileIsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _store.Save(Full());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_store.Directory, "work.json")));
    }

    private string Write(string name, string json)
    {
        Directory.CreateDirectory(_store.Directory);
        var path = Path.Combine(_store.Directory, name + ".json");
        File.WriteAllText(path, json, Encoding.UTF8);
        return path;
    }

    [Fact]
    public void Save_SessionThatUsedAProxyWithPassword_FileHoldsNoSecret()
    {
        using var dir = new TempDirectory();
        var store = new SessionStore(dir.Path);
        const string Secret = "proxy-secret-7731";
        var options = new SessionOptions("mail.example.com", 587)
        {
            Proxy = new ProxySettings(ProxyKind.Socks5, "127.0.0.1", 1080, "bob", Secret),
            UpgradeTls = new TlsOptions("mail.example.com", CaFile: "/etc/ca.pem"),
        };

        store.Save(SavedSession.FromSessionOptions("work", options, "/tmp/t.log"));

        var text = File.ReadAllText(Path.Combine(dir.Path, "work.json"));
        Assert.Contains("mail.example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", text, StringComparison.Ordinal);
    }
}
