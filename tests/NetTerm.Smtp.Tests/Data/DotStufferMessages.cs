using System.Text;

namespace NetTerm.Smtp.Tests.Data;

/// <summary>Random messages for the dot-stuffing property test, and an independent reference for what the
/// stuffer should preserve.</summary>
internal static class DotStufferMessages
{
    private static readonly byte[][] Pieces =
    [
        "."u8.ToArray(), ".."u8.ToArray(), "\r\n"u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(),
        "\r\n.\r\n"u8.ToArray(), "\n.\n"u8.ToArray(), "\r.\r"u8.ToArray(), "Subject: x"u8.ToArray(),
        Encoding.UTF8.GetBytes("Grüße, 日本語 €"), [0x80, 0xFF, 0xC3], "\t "u8.ToArray(),
    ];

    public static byte[] Random(Random random)
    {
        var output = new List<byte>();
        var count = random.Next(0, 40);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(0, 10))
            {
                case 0:
                    // A long line: over the 998-octet limit now and then.
                    output.AddRange(Enumerable.Repeat((byte)'a', random.Next(1, 1500)));
                    break;
                case 1:
                case 2:
                    for (var j = random.Next(1, 20); j > 0; j--)
                        output.Add((byte)random.Next(0x20, 0x7F));
                    break;
                default:
                    output.AddRange(Pieces[random.Next(Pieces.Length)]);
                    break;
            }
        }

        return [.. output];
    }

    /// <summary>CRLF, bare CR and bare LF → CRLF; a non-empty message ends with CRLF.</summary>
    public static byte[] Normalise(byte[] message)
    {
        var output = new List<byte>(message.Length + 8);
        for (var i = 0; i < message.Length; i++)
        {
            var b = message[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                output.Add((byte)'\r');
                output.Add((byte)'\n');
                if (b == (byte)'\r' && i + 1 < message.Length && message[i + 1] == (byte)'\n')
                    i++;
            }
            else
            {
                output.Add(b);
            }
        }

        if (output.Count > 0 && output[^1] != (byte)'\n')
        {
            output.Add((byte)'\r');
            output.Add((byte)'\n');
        }

        return [.. output];
    }

    /// <summary>Stuffed DATA with its terminator: CRLF only, every line that starts with "." has more after it,
    /// except the final ".\r\n".</summary>
    public static void AssertWellFramed(byte[] stuffed)
    {
        var span = stuffed.AsSpan();
        Assert.True(span.EndsWith(".\r\n"u8));
        var body = span[..^3];
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == (byte)'\r')
                Assert.True(i + 1 < body.Length && body[i + 1] == (byte)'\n', $"bare CR at {i}");
            if (body[i] == (byte)'\n')
                Assert.True(i > 0 && body[i - 1] == (byte)'\r', $"bare LF at {i}");
            var lineStart = i == 0 || body[i - 1] == (byte)'\n';
            if (lineStart && body[i] == (byte)'.')
                Assert.True(i + 1 < body.Length && body[i + 1] == (byte)'.', $"unstuffed dot at {i}");
        }

        Assert.True(body.IsEmpty || body.EndsWith("\r\n"u8));
    }
}
