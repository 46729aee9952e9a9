using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hutong.Contracts.Gateway;

/// <summary>
/// Gateway frames: source-generated, absent fields left out so frames stay small. <c>type</c> and <c>kind</c> are read
/// wherever they stand in an object, as a hand-written client may not put them first.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(ClientFrame))]
[JsonSerializable(typeof(ServerFrame))]
// Message content is read through MessageContentConverter, which asks the context for the polymorphic contract.
[JsonSerializable(typeof(Chat.Content.MessageContent))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;
