using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;
using NetTerm.Smtp.Profile;
using NetTerm.Smtp.Tests.Profile;

namespace NetTerm.Smtp.Tests.Hostile;

/// <summary>XOAUTH2, which the Postfix peer does not offer: through the dialog (after the plaintext confirmation), a
/// unique token must appear nowhere the session writes (events, transcript, the export's command).</summary>
public sealed class CredentialHygieneTests
{
    [Fact]
    public async Task AuthXOAuth2Dialog_UniqueToken_NotInEventsTranscriptOrExport()
    {
        var token = "ya29.token-" + Guid.NewGuid().ToString("N");
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"user=alice@x.test\u0001auth=Bearer {token}\u0001\u0001"));
        await using var server = new HostileSmtpServer(async c =>
        {
            await c.SendAsync("220 ok\r\n");
            await c.ExpectAsync("EHLO");
            await c.SendAsync("250-ok\r\n250 AUTH XOAUTH2\r\n");
            var auth = await c.ExpectAsync("AUTH XOAUTH2");
            await c.SendAsync(auth == "AUTH XOAUTH2 " + expected ? "235 2.7.0 ok\r\n" : "535 5.7.8 bad\r\n");
            await c.ExpectAsync("QUIT");
            await c.SendAsync("221 bye\r\n");
        });
        await using var h = new SmtpProfileHarness(server.Port, interactive: true, options: new SmtpProfileOptions(EhloName: "client.test"));
        await h.SendAllAsync("EHLO client.test");

        var confirm = Assert.IsType<SubmitReview.Confirm>(h.Profile.Review("AUTH XOAUTH2"));
        var form = Assert.IsType<SubmitReview.OpenForm>(confirm.Confirmation.OnYes!()).Form;
        await form.Submit(new Dictionary<string, string> { ["user"] = "alice@x.test", ["secret"] = token }, CancellationToken.None);
        await h.WaitForAnnotationAsync("authenticated");
        await h.SendAllAsync("QUIT");
        await h.Driver.WaitClosedAsync();

        using var stream = new MemoryStream();
        using (var transcript = new TranscriptWriter(stream, leaveOpen: true) { Redactor = h.Profile.Redactor })
        {
            foreach (var e in h.Driver.Events)
            {
                transcript.Write(e);
            }
        }

        var everything = Encoding.UTF8.GetString(stream.ToArray())
            + string.Join('\n', h.Driver.Events.Select(e => e.ToString()))
            + h.Profile.Reproduce(new SessionOptions("127.0.0.1", server.Port), "x-")!.Command;
        Assert.Contains("AUTH XOAUTH2 ****", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(expected, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(expected[..20], everything, StringComparison.Ordinal);
    }
}
