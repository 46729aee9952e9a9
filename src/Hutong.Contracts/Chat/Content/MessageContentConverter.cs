using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// Reads a message's content as its kind's record, or as <see cref="UnknownContent"/> when the kind is one this build
/// does not know (or is missing), instead of failing the whole object it is in; writes it as its kind's record. Put on
/// the properties that hold content, not on the type, so that the polymorphic contract does the actual work.
/// </summary>
public sealed class MessageContentConverter : JsonConverter<MessageContent>
{
    public override MessageContent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Message content is a JSON object with a kind.");
        }

        var kind = PeekKind(reader);
        var derived = kind is null ? null : options.GetTypeInfo(typeof(MessageContent)).PolymorphismOptions!.DerivedTypes
            .FirstOrDefault(d => d.TypeDiscriminator as string == kind).DerivedType;
        if (derived is not null)
        {
            // Straight into the kind's record: the kind is known already, wherever it stood, whatever the options allow.
            return (MessageContent?)JsonSerializer.Deserialize(ref reader, options.GetTypeInfo(derived));
        }

        // TrySkip, not Skip: reading from a stream, the value is buffered whole for a converter, but the block is not final.
        reader.TrySkip();
        return new UnknownContent(kind);
    }

    public override void Write(Utf8JsonWriter writer, MessageContent value, JsonSerializerOptions options)
    {
        if (value is UnknownContent unknown)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", unknown.Kind);
            writer.WriteEndObject();
            return;
        }

        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<MessageContent>)options.GetTypeInfo(typeof(MessageContent)));
    }

    /// <summary>The object's top-level <c>kind</c>, wherever it stands; the reader is a copy, so the caller's stays put.</summary>
    private static string? PeekKind(Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("kind"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.TrySkip();
            }
        }

        return null;
    }
}
