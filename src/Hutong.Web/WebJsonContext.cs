using System.Text.Json;
using System.Text.Json.Serialization;
using Hutong.Contracts.Gateway;

namespace Hutong.Web;

/// <summary>What the client keeps in local storage, source-generated so the trimmed app needs no reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendFrame[]))]
// Message content is read through MessageContentConverter, which asks the context for the polymorphic contract.
[JsonSerializable(typeof(Hutong.Contracts.Chat.Content.MessageContent))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
