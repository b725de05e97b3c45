using System.Globalization;
using CsCheck;

namespace NetTerm.Testing.Fuzzing;

/// <summary>How many generated inputs a property test runs: a bounded count in every `dotnet test`, and as many as
/// NETTERM_FUZZ_ITER says for a long run (tools/fuzz.sh runs 10,000,000 per parser).</summary>
public static class Fuzz
{
    public const long DefaultIterations = 2_000;

    public static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("NETTERM_FUZZ_ITER"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultIterations;

    /// <summary>Bytes that a hostile peer might send: uniform bytes, or runs of the bytes parsers care about.</summary>
    public static Gen<byte[]> HostileBytes(int maxLength, params byte[] interesting) =>
        Gen.OneOf(
            Gen.Byte.Array[0, maxLength],
            Gen.OneOf(interesting.Length == 0 ? [0] : interesting).Array[0, maxLength],
            Gen.Frequency<byte>((3, Gen.OneOf(interesting.Length == 0 ? [0] : interesting)), (1, Gen.Byte)).Array[0, maxLength]);

    /// <summary>Runs <paramref name="property"/> over the generated inputs and, for a long run, says how many ran.</summary>
    public static void Check<T>(Gen<T> gen, Action<T> property, string name)
    {
        var iterations = Iterations;
        gen.Sample(property, iter: iterations);
        if (iterations > DefaultIterations)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz {name}: {iterations:N0} inputs, no failure"));
        }
    }
}
