using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// Content as it is stored and carried between nodes: its kind's JSON, the discriminator first and absent fields left
/// out, the same fields as on the wire. Storage keeps it as it is, so a new kind needs no new column.
/// </summary>
public static class MessageContentJson
{
    /// <summary>
    /// Stored, not put in a web page: Chinese and emoji stay as they are rather than as \u escapes, which would take
    /// twice the bytes.
    /// </summary>
    private static readonly StoredContentJsonContext Context = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowOutOfOrderMetadataProperties = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly FrozenDictionary<Type, string> Kinds = Context.MessageContent.PolymorphismOptions!.DerivedTypes
        .ToFrozenDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    /// <summary>The content's <c>kind</c>, one of <see cref="MessageKinds"/>.</summary>
    public static string KindOf(MessageContent content) => KindOf(content.GetType());

    /// <summary>The <c>kind</c> of a content record type.</summary>
    public static string KindOf(Type contentType) => Kinds[contentType];

    public static byte[] Encode(MessageContent content) => JsonSerializer.SerializeToUtf8Bytes(content, Context.MessageContent);

    public static string EncodeToString(MessageContent content) => JsonSerializer.Serialize(content, Context.MessageContent);

    public static MessageContent Decode(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, Context.MessageContent)!;

    public static MessageContent Decode(string json) => JsonSerializer.Deserialize(json, Context.MessageContent)!;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(MessageContent))]
internal sealed partial class StoredContentJsonContext : JsonSerializerContext;
