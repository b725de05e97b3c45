using NetTerm.Core.Profiles;
using NetTerm.Testing.Smtp;

namespace NetTerm.Smtp.Tests.Profile;

public sealed class SmtpProfileComposeTests
{
    private static ProfileAction ComposeAction(SmtpProfileHarness h) => Assert.Single(h.Profile.Actions, a => a.Title == "_Compose…");

    private static Dictionary<string, string> Values(string from, string to, string body, string cc = "") => new()
    {
        ["from"] = from,
        ["to"] = to,
        ["cc"] = cc,
        ["subject"] = "Compose test",
        ["body"] = body,
    };

    [Fact]
    public async Task Compose_AfterRcpt_SendsDataWithDateMessageIdStuffedDotAndHeaders()
    {
        await using var server = new FakeSmtpServer();
        await using var h = new SmtpProfileHarness(server.Port, interactive: true);
        await h.SendAllAsync("EHLO client.test", "MAIL FROM:<a@fake.test>");
        Assert.False(ComposeAction(h).Enabled);
        await h.SendAllAsync("RCPT TO:<b@fake.test>");

        var action = ComposeAction(h);
        Assert.True(action.Enabled);
        var form = Assert.IsType<SubmitReview.OpenForm>(action.Run()).Form;
        Assert.Equal("a@fake.test", form.Fields.Single(f => f.Name == "from").Value);
        Assert.Equal("b@fake.test", form.Fields.Single(f => f.Name == "to").Value);
        Assert.Equal(FormFieldKind.MultiLine, form.Fields.Single(f => f.Name == "body").Kind);
        await form.Submit(Values("a@fake.test", "b@fake.test", "first line\n.hidden dot line\n.\nlast"), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));
        await h.WaitForAnnotationAsync("message accepted (queue id Q1)");
        await h.SendAllAsync("QUIT");

        var message = Assert.Single(server.Messages);
        var lines = message.Split("\r\n");
        Assert.Contains(lines, l => l.StartsWith("Date: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Message-ID: <", StringComparison.OrdinalIgnoreCase) && l.EndsWith("@fake.test>", StringComparison.Ordinal));
        Assert.Contains("From: a@fake.test", lines);
        Assert.Contains("To: b@fake.test", lines);
        Assert.Contains("Subject: Compose test", lines);
        // On the wire: each leading dot doubled once, the lone "." too (it is text, not the end of data).
        Assert.Contains("..hidden dot line", lines);
        Assert.Contains("..", lines);
        Assert.DoesNotContain(".hidden dot line", lines);
        Assert.EndsWith("first line\r\n..hidden dot line\r\n..\r\nlast\r\n", message, StringComparison.Ordinal);
        Assert.Equal("DATA", server.Received.ElementAt(3));
    }

    [Fact]
    public async Task Describe_HeaderDiffersFromEnvelope_ShowsSizeAndMismatchNote()
    {
        await using var server = new FakeSmtpServer();
        await using var h = new SmtpProfileHarness(server.Port, interactive: true);
        await h.SendAllAsync("EHLO client.test", "MAIL FROM:<a@fake.test>", "RCPT TO:<b@fake.test>");
        var form = Assert.IsType<SubmitReview.OpenForm>(ComposeAction(h).Run()).Form;

        var same = form.Describe!(Values("a@fake.test", "b@fake.test", "hello"));
        var spoofed = form.Describe!(Values("ceo@bank.test", "b@fake.test", "hello"));

        Assert.Contains("of 10,240,000 bytes (9.8 MiB) allowed (SIZE)", same, StringComparison.Ordinal);
        Assert.DoesNotContain("Note:", same, StringComparison.Ordinal);
        Assert.Contains("Header From <ceo@bank.test> differs from MAIL FROM <a@fake.test>", spoofed, StringComparison.Ordinal);
        Assert.Contains("recipients see the header From", spoofed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_Utf8AddressWithout8BitMime_Warns()
    {
        await using var server = new FakeSmtpServer(new FakeSmtpServerOptions { Keywords = ["PIPELINING", "SIZE 1000"] });
        await using var h = new SmtpProfileHarness(server.Port, interactive: true);
        await h.SendAllAsync("EHLO client.test", "MAIL FROM:<a@fake.test>", "RCPT TO:<b@fake.test>");
        var form = Assert.IsType<SubmitReview.OpenForm>(ComposeAction(h).Run()).Form;

        var text = form.Describe!(Values("a@fake.test", "jöran@fake.test", new string('x', 2000)));

        Assert.Contains("8-bit content but the server did not advertise 8BITMIME", text, StringComparison.Ordinal);
        Assert.Contains("TOO LARGE", text, StringComparison.Ordinal);
    }
}
