using System.Text.Json.Serialization;

namespace NetTerm.Smtp.Send;

/// <summary>`--json`: source-generated, since the app is published with Native AOT.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SendReport))]
public sealed partial class SendJsonContext : JsonSerializerContext
{
}
