using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// Content as it is stored and carried between nodes: its kind's JSON, the discriminator first and absent fields left
/// out, exactly as on the wire. Storage keeps it as it is, so a new kind needs no new column.
/// </summary>
public static class MessageContentJson
{
    private static readonly FrozenDictionary<Type, string> Kinds = StoredContentJsonContext.Default.MessageContent.PolymorphismOptions!.DerivedTypes
        .ToFrozenDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    /// <summary>The content's <c>kind</c>, one of <see cref="MessageKinds"/>.</summary>
    public static string KindOf(MessageContent content) => Kinds[content.GetType()];

    public static byte[] Encode(MessageContent content) => JsonSerializer.SerializeToUtf8Bytes(content, StoredContentJsonContext.Default.MessageContent);

    public static string EncodeToString(MessageContent content) => JsonSerializer.Serialize(content, StoredContentJsonContext.Default.MessageContent);

    public static MessageContent Decode(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, StoredContentJsonContext.Default.MessageContent)!;

    public static MessageContent Decode(string json) => JsonSerializer.Deserialize(json, StoredContentJsonContext.Default.MessageContent)!;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(MessageContent))]
internal sealed partial class StoredContentJsonContext : JsonSerializerContext;
