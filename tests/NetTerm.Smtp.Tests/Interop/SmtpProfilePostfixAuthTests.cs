using System.Security.Cryptography;
using System.Text;
using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transcripts;
using NetTerm.Smtp.Tests.Profile;
using NetTerm.Testing;

namespace NetTerm.Smtp.Tests.Interop;

/// <summary>The AUTH dialog's mechanisms against the real Postfix peer (2525, AUTH only after STARTTLS), with the
/// secret looked for in every event and in the transcript the session writes.</summary>
public sealed class SmtpProfilePostfixAuthTests
{
    [PeersTheory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    [InlineData("CRAM-MD5")]
    public async Task AuthDialog_AfterStartTls_AuthenticatesAndRelaysWithoutLeakingTheSecret(string mechanism)
    {
        await using var h = await StartTlsAsync();

        await SubmitAuthFormAsync(h, mechanism, Peers.Password);
        await h.WaitForAnnotationAsync("authenticated");
        // Relaying to another domain is what authentication buys on this server.
        await h.SendAllAsync("MAIL FROM:<alice@localhost>", "RCPT TO:<bob@example.com>", "RSET", "QUIT");
        await h.Driver.WaitClosedAsync();

        Assert.Contains("250 2.1.5", h.Driver.ReceivedText, StringComparison.Ordinal);
        Assert.Equal(ProfileOutcome.Ok, h.Profile.Result.Outcome);
        AssertNoSecret(h, mechanism, Peers.Password);
    }

    [PeersTheory]
    [InlineData("LOGIN")]
    [InlineData("CRAM-MD5")]
    public async Task AuthDialog_WrongPassword_535AndNoSecretAnywhere(string mechanism)
    {
        const string Wrong = "not-the-password-42";
        await using var h = await StartTlsAsync();

        await SubmitAuthFormAsync(h, mechanism, Wrong);
        await h.Driver.WaitForAsync(_ => h.Driver.ReceivedText.Contains("535 5.7.8", StringComparison.Ordinal), "535");
        await h.SendAllAsync("QUIT");
        await h.Driver.WaitClosedAsync();

        Assert.Equal(ProfileOutcome.Rejected, h.Profile.Result.Outcome);
        AssertNoSecret(h, mechanism, Wrong);
    }

    private static async Task<SmtpProfileHarness> StartTlsAsync()
    {
        var h = new SmtpProfileHarness(Peers.Submission, interactive: true, caFile: Peers.CertificatePath);
        await h.Driver.WaitForAsync(_ => h.Driver.ReceivedText.Contains("220 ", StringComparison.Ordinal), "the greeting");
        await h.SendAllAsync("EHLO client.test", "STARTTLS");
        await h.Driver.WaitForAsync(e => e.OfType<TlsEstablishedEvent>().Any(), "TLS");
        // Interactive: the profile sends EHLO again by itself; AUTH is announced only after TLS.
        await h.Driver.WaitForAsync(_ => h.Profile.Panel.Any(s => s.Title == "Capabilities (after TLS)" && s.Rows.Any(r => r.Label == "AUTH")), "AUTH after TLS");
        return h;
    }

    private static async Task SubmitAuthFormAsync(SmtpProfileHarness h, string mechanism, string password)
    {
        var form = Assert.IsType<SubmitReview.OpenForm>(h.Profile.Review("AUTH " + mechanism)).Form;
        await form.Submit(new Dictionary<string, string> { ["user"] = Peers.User, ["secret"] = password }, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));
        await h.Profile.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>The password, every base64 form a mechanism puts on the wire, and (CRAM-MD5) the response to the
    /// challenge actually received: none may be in an event or in the transcript.</summary>
    private static void AssertNoSecret(SmtpProfileHarness h, string mechanism, string password)
    {
        var forbidden = new List<string>
        {
            password,
            B64(password),
            B64("\0" + Peers.User + "\0" + password),
        };
        if (mechanism == "CRAM-MD5")
        {
            var challenge = h.Driver.ReceivedText.Split("\r\n").First(l => l.StartsWith("334 ", StringComparison.Ordinal))[4..];
#pragma warning disable CA5351 // CRAM-MD5 is defined on HMAC-MD5 (RFC 2195): the test recomputes what went on the wire
            var digest = Convert.ToHexStringLower(HMACMD5.HashData(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(challenge)));
#pragma warning restore CA5351
            forbidden.Add(B64(Peers.User + " " + digest));
            forbidden.Add(digest);
        }

        using var stream = new MemoryStream();
        using (var transcript = new TranscriptWriter(stream, leaveOpen: true) { Redactor = h.Profile.Redactor })
        {
            foreach (var e in h.Driver.Events)
            {
                transcript.Write(e);
            }
        }

        var written = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("****", written, StringComparison.Ordinal);
        var published = string.Join("\n", h.Driver.Events.Select(e => e switch
        {
            LineSentEvent s => s.Text,
            AnnotationEvent a => a.Text,
            WarningEvent w => w.Message,
            InfoEvent i => i.Message,
            _ => string.Empty,
        }));
        foreach (var secret in forbidden)
        {
            Assert.DoesNotContain(secret, written, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, published, StringComparison.Ordinal);
        }
    }

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));
}
