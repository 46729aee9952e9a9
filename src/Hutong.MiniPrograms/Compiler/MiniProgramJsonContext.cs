using System.Text.Json.Serialization;

namespace Hutong.MiniPrograms.Compiler;

/// <summary>Compact JSON of compiled templates and expressions: camelCase, nulls left out, enums as strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Expr))]
[JsonSerializable(typeof(WxmlDocument))]
public sealed partial class MiniProgramJsonContext : JsonSerializerContext;
