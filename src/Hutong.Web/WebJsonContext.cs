using System.Text.Json;
using System.Text.Json.Serialization;
using Hutong.Contracts.Gateway;

namespace Hutong.Web;

/// <summary>What the client keeps in local storage, source-generated so the trimmed app needs no reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendFrame[]))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
