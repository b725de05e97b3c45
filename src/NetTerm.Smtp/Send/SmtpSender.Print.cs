using System.Globalization;
using NetTerm.Smtp.Replies;

namespace NetTerm.Smtp.Send;

/// <summary>The transcript in swaks's legend: `<-`/` ->` in the clear, `<~`/` ~>` under TLS, `===` notes, `***`
/// errors, each line timestamped, the latency after a reply's last line, an explanation under any reply that was
/// not a success.</summary>
public sealed partial class SmtpSender
{
    private static string Now() => DateTimeOffset.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private void Note(string tag, string text) => _print?.Invoke($"{Now()} {tag} {Escape(text)}");

    private void PrintSent(string shown) => _print?.Invoke($"{Now()} {(Tls ? " ~>" : " ->")} {Escape(shown)}");

    private void Print(SmtpReply reply, string? annotation, double latencyMs)
    {
        if (_print is null)
        {
            return;
        }

        var tag = Tls ? "<~ " : "<- ";
        var lines = reply.Lines.Count == 0 ? [string.Empty] : reply.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var separator = i < lines.Count - 1 ? '-' : ' ';
            var text = reply.Code > 0 ? $"{reply.Code.ToString(CultureInfo.InvariantCulture)}{separator}{Escape(lines[i])}" : Escape(lines[i]);
            var latency = i == lines.Count - 1 && latencyMs > 0
                ? string.Create(CultureInfo.InvariantCulture, $"  ({latencyMs:0.0} ms)")
                : string.Empty;
            _print($"{Now()} {tag} {text}{latency}".TrimEnd());
        }

        if (annotation is not null)
        {
            _print($"{Now()}      # {Escape(annotation)}");
        }
    }
}
