using System.Globalization;
using NetTerm.Core.Profiles;
using NetTerm.Core.Transport;
using NetTerm.Smtp.Dialog;

namespace NetTerm.Smtp.Profile;

internal sealed partial class SmtpProfileSession
{
    public IReadOnlyList<PanelSection> Panel
    {
        get
        {
            lock (_lock)
            {
                var sections = new List<PanelSection>();
                if (_options.Welcome is { Count: > 0 } welcome)
                {
                    sections.Add(new PanelSection("Welcome", welcome));
                }

                sections.Add(StateSection());
                if (_state.Capabilities is { } caps)
                {
                    sections.Add(new PanelSection(
                        _state.Tls ? "Capabilities (after TLS)" : "Capabilities",
                        [.. caps.Keywords.Select(k => new PanelRow(k.Name, string.Join(' ', k.Parameters), caps.Describe(k.Name)))]));
                }

                if (_context.Certificate is { } cert)
                {
                    sections.Add(CertificateSection(cert));
                }

                return sections;
            }
        }
    }

    private PanelSection StateSection()
    {
        var rows = new List<PanelRow>
        {
            new("Phase", _state.Phase.ToString()),
            _state.Tls
                ? new("TLS", _context.Certificate is { Verified: false } ? "UNVERIFIED" : "yes", null,
                    _context.Certificate is { Verified: false } ? Severity.Error : Severity.Positive)
                : new("TLS", "NOT ENCRYPTED", _state.StartTlsRefused, Severity.Warning),
            new("AUTH", _state.Authenticated ? "authenticated" : "no"),
        };
        if (_state.Sender is { } sender)
        {
            rows.Add(new PanelRow("MAIL FROM", $"<{sender}>"));
        }

        rows.AddRange(_state.Recipients.Select((r, i) => new PanelRow(i == 0 ? "RCPT TO" : string.Empty, $"<{r}>")));
        rows.AddRange(_state.Accepted.Select(m => new PanelRow(
            "Accepted", m.QueueId ?? "(no queue id)", $"from <{m.From}> to {m.Recipients.Count} recipient(s)", Severity.Positive)));
        return new PanelSection("Session", rows);
    }

    private static PanelSection CertificateSection(CertificateSummary c) => new("Certificate",
    [
        new("Subject", c.Subject),
        new("Issuer", c.Issuer),
        new("Names", string.Join(", ", c.SubjectAlternativeNames)),
        new("Valid", string.Create(CultureInfo.InvariantCulture, $"{c.NotBefore:yyyy-MM-dd} – {c.NotAfter:yyyy-MM-dd}")),
        new("Chain", c.Verified ? $"verified for {c.VerifiedName}" : $"UNVERIFIED: {c.VerificationError}", null,
            c.Verified ? Severity.Positive : Severity.Error),
        new("SHA-256", c.Sha256Fingerprint),
        new("Protocol", $"{c.Protocol} {c.CipherSuite}"),
    ]);

    public IReadOnlyList<Banner> Banners
    {
        get
        {
            lock (_lock)
            {
                var banners = new List<Banner>();
                if (!_state.Tls && _state.Capabilities is { StartTls: false })
                {
                    banners.Add(new Banner("NOT ENCRYPTED — STARTTLS not offered (possible stripping)"));
                }
                else if (!_state.Tls && _state.StartTlsRefused is { } refused)
                {
                    banners.Add(new Banner($"NOT ENCRYPTED — STARTTLS refused ({refused}); AUTH stays blocked"));
                }

                if (_context.Certificate is { Verified: false } cert)
                {
                    banners.Add(new Banner($"TLS UNVERIFIED: {cert.VerificationError}", Severity.Error));
                }

                if (WaitingBanner() is { } waiting)
                {
                    banners.Add(waiting);
                }

                if (_state.Tls && _state.Phase == SmtpPhase.Connected)
                {
                    banners.Add(new Banner("TLS is up: say EHLO again to learn the server's capabilities", Severity.Normal));
                }

                return banners;
            }
        }
    }

    public IReadOnlyList<ProfileAction> Actions
    {
        get
        {
            lock (_lock)
            {
                var actions = new List<ProfileAction>
                {
                    new("_EHLO", "Identify and learn the capabilities", () => Queue($"EHLO {EhloName()}")),
                    new("_STARTTLS", "Upgrade to TLS", () => Queue("STARTTLS"), !_state.Tls && _state.StartTlsOffered),
                };
                actions.AddRange(OfferedMechanisms().Select(m =>
                    new ProfileAction($"AUTH {m}…", $"Authenticate with {m}; NetTerm computes the response", () => Locked(() => AuthForm(m)), !_state.Authenticated)));
                actions.Add(new ProfileAction("_Compose…", "Write a message (From, To, Cc, Subject, body) and send it with DATA",
                    () => Locked(ComposeForm), CanCompose));
                actions.Add(new ProfileAction("_RSET", "Abort the transaction", () => Queue("RSET")));
                actions.Add(new ProfileAction("_QUIT", "Close politely", () => Queue("QUIT")));
                return actions;
            }
        }
    }

    private SubmitReview Queue(string line)
    {
        _ = Enqueue(line, null);
        return SubmitReview.Send;
    }

    private SubmitReview Locked(Func<SubmitReview> f)
    {
        lock (_lock)
        {
            return f();
        }
    }
}
