using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Smtp.Profile;
using NetTerm.Testing;
using NetTerm.Testing.Smtp;

namespace NetTerm.Smtp.Tests.Profile;

public sealed class SmtpProfileSessionTests : IClassFixture<TestCertificates>
{
    private readonly TestCertificates _certs;

    public SmtpProfileSessionTests(TestCertificates certs) => _certs = certs;

    [Fact]
    public async Task SubmitAsync_HereDocSession_PacedAndAnnotatedLikeTyped()
    {
        await using var server = new FakeSmtpServer();
        await using var h = new SmtpProfileHarness(server.Port);

        await h.SendAllAsync("EHLO client.test", "MAIL FROM:<a@fake.test>", "RCPT TO:<b@fake.test>", "DATA",
            "Subject: hi", "", ".leading dot", ".", "QUIT");
        await h.Driver.WaitClosedAsync();

        Assert.Equal(["EHLO client.test", "MAIL FROM:<a@fake.test>", "RCPT TO:<b@fake.test>", "DATA", "Subject: hi", "", "..leading dot", ".", "QUIT"], server.Received);
        Assert.Equal("Subject: hi\r\n\r\n..leading dot\r\n", Assert.Single(server.Messages));
        await h.WaitForAnnotationAsync("DATA mode");
        await h.WaitForAnnotationAsync("message accepted (queue id Q1)");
        await h.WaitForAnnotationAsync("goodbye");
    }

    [Fact]
    public async Task SubmitAsync_Pipelining_SendsMailRcptDataAsOneGroup()
    {
        await using var server = new FakeSmtpServer(new FakeSmtpServerOptions { MailReplyDelay = TimeSpan.FromMilliseconds(300) });
        await using var h = new SmtpProfileHarness(server.Port);
        await h.SendAllAsync("EHLO client.test");

        var group = new[] { "MAIL FROM:<a@fake.test>", "RCPT TO:<b@fake.test>", "RCPT TO:<c@fake.test>", "DATA" }
            .Select(l => h.Profile.SubmitAsync(l, CancellationToken.None)).ToArray();
        await Task.WhenAll(group).WaitAsync(TimeSpan.FromSeconds(10));
        await h.Profile.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        await h.WaitForAnnotationAsync("[RCPT TO:<c@fake.test>] 250");
        // RCPT, RCPT and DATA were on the server's side of the wire before it answered MAIL.
        Assert.Equal("RCPT TO:<b@fake.test>\r\nRCPT TO:<c@fake.test>\r\nDATA\r\n".Length, server.CommandsWaitingAtMailReply);
    }

    [Fact]
    public async Task Relay_RecipientElsewhereWithoutAuth_AnnotatesRelayingDenied()
    {
        await using var server = new FakeSmtpServer();
        await using var h = new SmtpProfileHarness(server.Port);

        await h.SendAllAsync("EHLO client.test", "MAIL FROM:<a@fake.test>", "RCPT TO:<bob@example.com>");

        await h.WaitForAnnotationAsync("5.7.1");
        await h.WaitForAnnotationAsync("relaying denied — the server will not forward to that domain for you");
    }

    [Fact]
    public async Task StartTls_Interactive_SaysEhloAgainWithTheNameTheUserGave()
    {
        await using var server = new FakeSmtpServer(new FakeSmtpServerOptions { Certificate = _certs.Leaf });
        await using var h = new SmtpProfileHarness(server.Port, interactive: true, caFile: _certs.CaPemPath);

        await h.SendAllAsync("EHLO typed.example", "STARTTLS");
        await h.Driver.WaitForAsync(e => e.OfType<TlsEstablishedEvent>().Any(), "TLS");
        await h.Profile.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["EHLO typed.example", "STARTTLS", "EHLO typed.example"], server.Received);
        await h.WaitForAnnotationAsync("sending EHLO again");
    }

    [Fact]
    public async Task StartTls_CleanServerInteractive_UpgradesDiscardsCapabilitiesAndSaysEhloAgain()
    {
        await using var server = new FakeSmtpServer(new FakeSmtpServerOptions { Certificate = _certs.Leaf });
        await using var h = new SmtpProfileHarness(server.Port, interactive: true, caFile: _certs.CaPemPath);

        await h.SendAllAsync("EHLO client.test", "STARTTLS");
        await h.Driver.WaitForAsync(e => e.OfType<TlsEstablishedEvent>().Any(), "TLS");
        await h.Profile.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(h.Driver.Session.IsTls);
        Assert.Equal(["EHLO client.test", "STARTTLS", "EHLO client.test"], server.Received);
        Assert.Contains(h.Profile.Panel, s => s.Title == "Capabilities (after TLS)" && s.Rows.Any(r => r.Label == "AUTH"));
    }

    [Fact]
    public async Task StartTls_PlaintextInjectedBehind220_AbortsAndSendsNothingMore()
    {
        var options = new FakeSmtpServerOptions { Certificate = _certs.Leaf, InjectAfterStartTls = "250-AUTH PLAIN\r\n250 OK\r\n" };
        await using var server = new FakeSmtpServer(options);
        await using var h = new SmtpProfileHarness(server.Port, caFile: _certs.CaPemPath);

        await h.SendAllAsync("EHLO client.test", "STARTTLS");
        var closed = await h.Driver.WaitClosedAsync();

        Assert.Equal(ConnectFailure.StartTlsInjection, closed.Failure);
        Assert.Contains("possible STARTTLS injection", closed.Reason, StringComparison.Ordinal);
        Assert.Equal(["EHLO client.test", "STARTTLS"], server.Received);
    }

    [Fact]
    public async Task StartTls_Refused454_StaysPlaintextWithBannerAndAuthBlocked()
    {
        var options = new FakeSmtpServerOptions { Certificate = _certs.Leaf, StartTlsReply = "454 4.7.0 TLS not available" };
        await using var server = new FakeSmtpServer(options);
        await using var h = new SmtpProfileHarness(server.Port);

        await h.SendAllAsync("EHLO client.test", "STARTTLS");

        Assert.False(h.Driver.Session.IsTls);
        Assert.Contains(h.Profile.Banners, b => b.Text.StartsWith("NOT ENCRYPTED — STARTTLS refused", StringComparison.Ordinal));
        await h.SendAllAsync("AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=");
        Assert.DoesNotContain(server.Received, l => l.StartsWith("AUTH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Banners_StartTlsNotOffered_WarnsOfStripping()
    {
        await using var server = new FakeSmtpServer();
        await using var h = new SmtpProfileHarness(server.Port);

        await h.SendAllAsync("EHLO client.test");

        Assert.Contains(h.Profile.Banners, b => b.Text == "NOT ENCRYPTED — STARTTLS not offered (possible stripping)");
    }

    [Fact]
    public async Task Auth_PlainAfterStartTls_AuthenticatesAndNeverShowsTheSecret()
    {
        await using var server = new FakeSmtpServer(new FakeSmtpServerOptions { Certificate = _certs.Leaf });
        await using var h = new SmtpProfileHarness(server.Port, caFile: _certs.CaPemPath);
        const string Secret = "AGFsaWNlAHdvbmRlcmxhbmQ=";

        await h.SendAllAsync("EHLO client.test", "STARTTLS");
        await h.Driver.WaitForAsync(e => e.OfType<TlsEstablishedEvent>().Any(), "TLS");
        await h.SendAllAsync("AUTH PLAIN " + Secret);

        await h.WaitForAnnotationAsync("authenticated");
        await h.Driver.WaitForAsync(e => e.OfType<LineSentEvent>().Any(l => l.Text == "AUTH PLAIN ****" && l.Redacted), "the masked AUTH line");
        Assert.DoesNotContain(h.Driver.Events.OfType<LineSentEvent>(), e => e.Text.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auth_LoginTypedByHand_ResponsesWaitFor334AndAreMasked()
    {
        await using var server = new FakeSmtpServer(new FakeSmtpServerOptions { Keywords = ["AUTH LOGIN PLAIN"] });
        await using var h = new SmtpProfileHarness(server.Port, options: new SmtpProfileOptions(AllowPlaintextAuth: true));

        await h.SendAllAsync("EHLO client.test", "AUTH LOGIN", "YWxpY2U=", "d29uZGVybGFuZA==");

        await h.WaitForAnnotationAsync("\"Username:\"");
        await h.WaitForAnnotationAsync("authenticated");
        await h.Driver.WaitForAsync(e => e.OfType<LineSentEvent>().Count(l => l.Text == "****") == 2, "two masked responses");
        Assert.DoesNotContain(h.Driver.Events.OfType<LineSentEvent>(), e => e.Text.Contains("YWxpY2U=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitAsync_AuthOnPlaintextHeadless_NotSentAndJudgedRejected()
    {
        await using var server = new FakeSmtpServer(new FakeSmtpServerOptions { Keywords = ["AUTH PLAIN"] });
        await using var h = new SmtpProfileHarness(server.Port);

        await h.SendAllAsync("EHLO client.test", "AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=", "NOOP");
        await h.Driver.WaitForAsync(e => e.OfType<WarningEvent>().Any(), "the refusal");

        Assert.Equal(["EHLO client.test", "NOOP"], server.Received);
        Assert.Contains("not encrypted", h.Driver.Events.OfType<WarningEvent>().Single().Message, StringComparison.Ordinal);
        Assert.Equal(Core.Profiles.ProfileOutcome.Rejected, h.Profile.Result.Outcome);
    }

    [Fact]
    public async Task SubmitAsync_AuthAfterStartTlsInSameScript_WaitsForTlsAndGoesOut()
    {
        await using var server = new FakeSmtpServer(new FakeSmtpServerOptions { Certificate = _certs.Leaf });
        await using var h = new SmtpProfileHarness(server.Port, caFile: _certs.CaPemPath);

        await h.SendAllAsync("EHLO client.test", "STARTTLS", "EHLO client.test", "AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=", "QUIT");
        await h.Driver.WaitClosedAsync();

        Assert.Equal(["EHLO client.test", "STARTTLS", "EHLO client.test", "AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=", "QUIT"], server.Received);
        Assert.Equal(Core.Profiles.ProfileOutcome.Ok, h.Profile.Result.Outcome);
    }

    [Fact]
    public async Task Ehlo_ServerWithoutEsmtp_HintsHelo()
    {
        await using var server = new FakeSmtpServer(new FakeSmtpServerOptions { AnswerEhloWith500 = true });
        await using var h = new SmtpProfileHarness(server.Port);

        await h.SendAllAsync("EHLO client.test");

        await h.WaitForAnnotationAsync("server does not speak ESMTP — try HELO");
    }

    [Fact]
    public async Task Complete_AfterEhlo_OffersAdvertisedVerbsAndParameters()
    {
        await using var server = new FakeSmtpServer();
        await using var h = new SmtpProfileHarness(server.Port);
        await h.SendAllAsync("EHLO client.test");

        var verbs = h.Profile.Complete("ma", 2).Select(c => c.Text).ToList();
        var parameters = h.Profile.Complete("MAIL FROM:<a@x> ", 16).Select(c => c.Text).ToList();

        Assert.Equal(["MAIL FROM:<>"], verbs);
        Assert.Contains("SIZE=", parameters);
        Assert.Contains("BODY=8BITMIME", parameters);
        Assert.DoesNotContain("SMTPUTF8", parameters);
        Assert.DoesNotContain(h.Profile.Complete("", 0), c => c.Text == "STARTTLS");
    }
}
