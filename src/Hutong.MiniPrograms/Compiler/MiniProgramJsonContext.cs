using System.Text.Json.Serialization;

namespace Hutong.MiniPrograms.Compiler;

/// <summary>Compact JSON of compiled templates and expressions: camelCase, nulls left out, enums as strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    // Above the deepest tree the compilers accept (elements and expressions both nest, up to five JSON levels each).
    MaxDepth = 2048)]
[JsonSerializable(typeof(Expr))]
[JsonSerializable(typeof(WxmlDocument))]
public sealed partial class MiniProgramJsonContext : JsonSerializerContext;
