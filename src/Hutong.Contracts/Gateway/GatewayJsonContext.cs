using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hutong.Contracts.Gateway;

/// <summary>Gateway frames: source-generated, and absent fields are left out so frames stay small.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClientFrame))]
[JsonSerializable(typeof(ServerFrame))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;
