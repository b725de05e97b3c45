using NetTerm.Core.Profiles;
using NetTerm.Core.Sessions;
using NetTerm.Core.Transport;
using NetTerm.Smtp.Profile;
using NetTerm.Smtp.Tests.Profile;

namespace NetTerm.Smtp.Tests.Hostile;

/// <summary>Issue 6: servers that break SMTP on purpose. Each must end in a clear verdict, never a hang or success.</summary>
public sealed class SmtpHostileTests
{
    private static SmtpProfileOptions Options(double replySeconds = 60) =>
        new(EhloName: "client.test") { ReplyTimeout = TimeSpan.FromSeconds(replySeconds) };

    [Fact]
    public async Task ReplyDeadline_ServerNeverGreets_ClosesAsTimedOutWithOneLine()
    {
        await using var server = new HostileSmtpServer(async c => await Task.Delay(Timeout.Infinite, c.Token));
        await using var h = new SmtpProfileHarness(server.Port, options: Options(1));

        var closed = await h.Driver.WaitClosedAsync();

        Assert.Equal(ConnectFailure.TimedOut, closed.Failure);
        Assert.Contains(h.Annotations, a => a.Contains("no greeting within 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplyDeadline_ServerDripsOneBytePerInterval_ClosesDespiteTraffic()
    {
        await using var server = new HostileSmtpServer(async c =>
        {
            await c.SendAsync("220 drip\r\n");
            await c.ExpectAsync("EHLO");
            while (!c.Token.IsCancellationRequested)
            {
                await c.SendAsync("2");
                await Task.Delay(200, c.Token);
            }
        });
        await using var h = new SmtpProfileHarness(server.Port, options: Options(1.5));

        await h.SendAllAsync("EHLO client.test");
        var closed = await h.Driver.WaitClosedAsync();

        Assert.Equal(ConnectFailure.TimedOut, closed.Failure);
        Assert.Contains(h.Annotations, a => a.Contains("no complete reply to EHLO client.test within 1.5 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Waiting_ReplyOverdue_ReportedWithTheCommand()
    {
        await using var server = new HostileSmtpServer(async c =>
        {
            await c.SendAsync("220 slow\r\n");
            await c.ExpectAsync("EHLO");
            await Task.Delay(Timeout.Infinite, c.Token);
        });
        await using var h = new SmtpProfileHarness(server.Port, options: Options());

        await h.Profile.SubmitAsync("EHLO client.test", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await h.Driver.WaitForAsync(_ => h.Profile.Waiting is not null, "the waiting indicator");

        Assert.Equal("EHLO client.test", h.Profile.Waiting!.What);
        Assert.Contains(h.Profile.Banners, b => b.Text.StartsWith("waiting for the server's reply to EHLO client.test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsolicited421_ServerKeepsTheSocketOpen_ShownAndClosedByUs()
    {
        await using var server = new HostileSmtpServer(async c =>
        {
            await c.SendAsync("220 ok\r\n");
            await c.ExpectAsync("EHLO");
            await c.SendAsync("250 hi\r\n");
            await Task.Delay(100, c.Token);
            await c.SendAsync("421 4.3.2 going down\r\n");
            await Task.Delay(Timeout.Infinite, c.Token);
        });
        await using var h = new SmtpProfileHarness(server.Port, options: Options());

        await h.SendAllAsync("EHLO client.test");
        var closed = await h.Driver.WaitClosedAsync();

        Assert.Contains("421", closed.Reason, StringComparison.Ordinal);
        Assert.Contains(h.Annotations, a => a.Contains("closing", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(ProfileOutcome.Rejected, h.Profile.Result.Outcome);
    }

    [Fact]
    public async Task ResetDuringData_MessageReportedNotSentAndNothingResent()
    {
        var connections = 0;
        await using var server = new HostileSmtpServer(async c =>
        {
            Interlocked.Increment(ref connections);
            await c.SendAsync("220 ok\r\n");
            await c.ExpectAsync("EHLO");
            await c.SendAsync("250 hi\r\n");
            await c.ExpectAsync("MAIL");
            await c.SendAsync("250 ok\r\n");
            await c.ExpectAsync("RCPT");
            await c.SendAsync("250 ok\r\n");
            await c.ExpectAsync("DATA");
            await c.SendAsync("354 go\r\n");
            await c.ExpectAsync("Subject");
            c.Reset();
        });
        await using var h = new SmtpProfileHarness(server.Port, options: Options());

        try
        {
            await h.SendAllAsync("EHLO client.test", "MAIL FROM:<a@x.test>", "RCPT TO:<b@x.test>", "DATA", "Subject: hi", "", "body");
        }
        catch (IOException)
        {
            // The reset may hit a line still being written: that line fails, as it must.
        }

        var closed = await h.Driver.WaitClosedAsync();
        await Task.Delay(300);

        // The reset usually surfaces as "connection reset by peer"; when it races with our own write it may read as the
        // peer closing. Either way the message must be reported NOT sent and nothing resent.
        Assert.True(closed.Failure == ConnectFailure.ConnectionLost || closed.ByPeer, $"closed: {closed}");
        Assert.Contains(h.Annotations, a => a.Contains("NOT sent", StringComparison.Ordinal));
        Assert.Equal(1, connections);
        Assert.NotEqual(ProfileOutcome.Ok, h.Profile.Result.Outcome);
    }

    [Fact]
    public async Task Ehlo_TenThousandLines_BoundedCapabilitiesAndNextReplyPairedRight()
    {
        await using var server = new HostileSmtpServer(async c =>
        {
            await c.SendAsync("220 big\r\n");
            await c.ExpectAsync("EHLO");
            var ehlo = new System.Text.StringBuilder("250-big\r\n");
            for (var i = 0; i < 10_000; i++)
            {
                ehlo.Append("250-X-KEYWORD-").Append(i).Append("\r\n");
            }

            await c.SendAsync(ehlo.Append("250 PIPELINING\r\n").ToString());
            await c.ExpectAsync("NOOP");
            await c.SendAsync("250 2.0.0 noop ok\r\n");
            await c.ExpectAsync("QUIT");
            await c.SendAsync("221 bye\r\n");
        });
        await using var h = new SmtpProfileHarness(server.Port, options: Options());

        await h.SendAllAsync("EHLO client.test", "NOOP", "QUIT");
        await h.Driver.WaitClosedAsync();

        Assert.Contains(h.Annotations, a => a.Contains("2.0.0", StringComparison.Ordinal) && !a.Contains("unsolicited", StringComparison.Ordinal));
        var keywords = h.Profile.Panel.SelectMany(s => s.Rows).Count();
        Assert.InRange(keywords, 1, 1100);
        Assert.InRange(h.Profile.Complete("X-", 2).Count, 0, 1000);
        Assert.Equal(ProfileOutcome.Ok, h.Profile.Result.Outcome);
    }

    [Fact]
    public async Task Reply_OneMiBLineWithoutCrLf_FlaggedBoundedAndSessionStillUsable()
    {
        await using var server = new HostileSmtpServer(async c =>
        {
            await c.SendAsync("220 ok\r\n");
            await c.ExpectAsync("NOOP");
            await c.SendAsync("250 " + new string('A', 1024 * 1024));
            await c.SendAsync("\r\n");
            await c.ExpectAsync("QUIT");
            await c.SendAsync("221 2.0.0 bye\r\n");
        });
        await using var h = new SmtpProfileHarness(server.Port, options: Options());

        await h.SendAllAsync("NOOP", "QUIT");
        await h.Driver.WaitClosedAsync();

        Assert.Contains(h.Annotations, a => a.Contains("goodbye", StringComparison.Ordinal));
        Assert.Contains(h.Annotations, a => a.Contains("too long", StringComparison.OrdinalIgnoreCase) || a.Contains("longer than", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Reply_BareLfAndLoneCr_StaysInSyncAndCrIsEscapedInAnnotations()
    {
        await using var server = new HostileSmtpServer(async c =>
        {
            await c.SendAsync("220 ok\n");
            await c.ExpectAsync("NOOP");
            await c.SendAsync("250 two\rparts\r\n");
            await c.ExpectAsync("QUIT");
            await c.SendAsync("221 bye\r\n");
        });
        await using var h = new SmtpProfileHarness(server.Port, options: Options());

        await h.SendAllAsync("NOOP", "QUIT");
        await h.Driver.WaitClosedAsync();

        Assert.Contains(h.Annotations, a => a.Contains("bare LF", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(h.Annotations, a => a.Contains("goodbye", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Annotations, a => a.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnsolicitedReply_SentBeforeAnyCommand_MarkedAndNeverPairedWithTheNextCommand()
    {
        await using var server = new HostileSmtpServer(async c =>
        {
            await c.SendAsync("220 ok\r\n");
            await Task.Delay(50, c.Token);
            await c.SendAsync("250 2.1.0 pretend sender ok\r\n");
            await c.ExpectAsync("NOOP");
            await c.SendAsync("250 2.0.0 real noop\r\n");
            await c.ExpectAsync("QUIT");
            await c.SendAsync("221 bye\r\n");
        });
        await using var h = new SmtpProfileHarness(server.Port, options: Options());
        await h.Driver.WaitForAsync(_ => h.Driver.ReceivedText.Contains("pretend", StringComparison.Ordinal), "the unsolicited reply");

        await h.SendAllAsync("NOOP", "QUIT");
        await h.Driver.WaitClosedAsync();

        Assert.Contains(h.Annotations, a => a.StartsWith("250", StringComparison.Ordinal) && a.Contains("UNSOLICITED", StringComparison.Ordinal) && a.Contains("2.1.0", StringComparison.Ordinal));
        Assert.Contains(h.Annotations, a => a.Contains("2.0.0", StringComparison.Ordinal) && !a.Contains("UNSOLICITED", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("454 4.7.0 TLS not available")]
    [InlineData("502 5.5.1 command not implemented")]
    public async Task StartTls_Refused_StaysPlaintextMarkedAndAuthAsksFirst(string refusal)
    {
        await using var server = new HostileSmtpServer(async c =>
        {
            await c.SendAsync("220 ok\r\n");
            await c.ExpectAsync("EHLO");
            await c.SendAsync("250-ok\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n");
            await c.ExpectAsync("STARTTLS");
            await c.SendAsync(refusal + "\r\n");
            await Task.Delay(Timeout.Infinite, c.Token);
        });
        await using var h = new SmtpProfileHarness(server.Port, interactive: true, options: Options());

        await h.SendAllAsync("EHLO client.test", "STARTTLS");
        await h.Driver.WaitForAsync(_ => h.Profile.Banners.Any(b => b.Text.StartsWith("NOT ENCRYPTED — STARTTLS refused", StringComparison.Ordinal)), "the refusal banner");

        Assert.False(h.Driver.Session.IsTls);
        Assert.IsType<SubmitReview.Confirm>(h.Profile.Review("AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ="));
    }
}
