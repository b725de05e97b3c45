using System.Text.Json.Serialization;

namespace NetTerm.Core.Persistence;

/// <summary>Source-generated System.Text.Json metadata: the app is published with Native AOT, where reflection-based
/// serialization is unavailable.</summary>
/// <remarks>Unknown properties are skipped so a file written by a newer NetTerm, or annotated by hand, still loads.
/// Nullable annotations are enforced so <c>"mode": null</c> fails to load rather than reaching the session. Comments
/// and trailing commas are accepted because people edit these files by hand.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(SavedSessionDocument))]
internal sealed partial class PersistenceJsonContext : JsonSerializerContext
{
}
