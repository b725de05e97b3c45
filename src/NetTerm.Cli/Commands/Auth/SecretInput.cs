using System.Security.Cryptography;
using System.Text;
using NetTerm.Cli.Headless;
using NetTerm.Smtp.Auth;

namespace NetTerm.Cli.Commands.Auth;

/// <summary>Reads a password without it ever being an argument: typed without echo when stdin is a terminal, else
/// the first line of stdin (`printf %s "$PW" | netterm auth-plain --user U`). Every problem is a usage error that
/// never quotes the password.</summary>
internal static class SecretInput
{
    /// <summary>Longer than any real password; bounds what a runaway pipe can make us hold.</summary>
    public const int MaxBytes = 4096;

    public static async Task<string> ReadPasswordAsync(ConsoleStreams console, string prompt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(console);
        var password = console.InputIsTerminal
            ? await ReadFromTerminalAsync(console.Error, prompt, ct).ConfigureAwait(false)
            : await ReadFirstLineAsync(console.Input, ct).ConfigureAwait(false);
        if (password.Length == 0)
        {
            throw new UsageException("the password is empty");
        }

        if (password.Contains('\0', StringComparison.Ordinal))
        {
            throw new UsageException("the password contains NUL (U+0000), which SASL uses as a separator");
        }

        return password;
    }

    /// <summary>The first line of <paramref name="input"/> (LF or CRLF ends it; EOF too), strict UTF-8.</summary>
    internal static async Task<string> ReadFirstLineAsync(Stream input, CancellationToken ct)
    {
        var buffer = new byte[MaxBytes + 1];
        try
        {
            var length = 0;
            var end = -1;
            while (end < 0 && length < buffer.Length)
            {
                var read = await input.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                end = buffer.AsSpan(length, read).IndexOf((byte)'\n');
                end = end < 0 ? -1 : length + end;
                length += read;
            }

            var lineLength = end >= 0 ? end : length;
            if (lineLength > MaxBytes)
            {
                throw new UsageException($"the password on stdin is longer than {MaxBytes} bytes");
            }

            if (lineLength > 0 && buffer[lineLength - 1] == '\r')
            {
                lineLength--;
            }

            try
            {
                return SaslEncoding.StrictUtf8.GetString(buffer, 0, lineLength);
            }
            catch (ArgumentException)
            {
                throw new UsageException("the password on stdin is not valid UTF-8");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Console.ReadKey with intercept never echoes, on Windows as on Unix (no termios, no stty). Keys are
    /// awaited by polling KeyAvailable so that Ctrl+C, which System.CommandLine turns into cancellation rather than
    /// a key, ends the wait.</summary>
    /// <exception cref="OperationCanceledException">Ctrl+C or SIGTERM.</exception>
    private static async Task<string> ReadFromTerminalAsync(TextWriter prompts, string prompt, CancellationToken ct)
    {
        await prompts.WriteAsync(prompt).ConfigureAwait(false);
        await prompts.FlushAsync(ct).ConfigureAwait(false);
        var typed = new StringBuilder();
        try
        {
            while (true)
            {
                while (!Console.KeyAvailable)
                {
                    await Task.Delay(20, ct).ConfigureAwait(false);
                }

                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter || key.KeyChar is '\r' or '\n')
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace || key.KeyChar is '\b' or '\x7f')
                {
                    if (typed.Length > 0)
                    {
                        typed.Length--;
                    }
                }
                else if (key.KeyChar == '\x15')
                {
                    typed.Clear(); // Ctrl+U: start over, as a terminal's line discipline would.
                }
                else if (key.KeyChar == '\x04' && typed.Length == 0)
                {
                    break; // Ctrl+D on an empty line: end of input (reported as an empty password).
                }
                else if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                {
                    typed.Append(key.KeyChar);
                }

                if (typed.Length > MaxBytes)
                {
                    throw new UsageException($"the password is longer than {MaxBytes} characters");
                }
            }

            await prompts.WriteLineAsync().ConfigureAwait(false);
            return typed.ToString();
        }
        finally
        {
            // The returned string is the one copy the caller needs; the builder's is overwritten.
            for (var i = 0; i < typed.Length; i++)
            {
                typed[i] = '\0';
            }
        }
    }
}
