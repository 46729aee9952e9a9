using System.Text.Json.Serialization;

namespace EchoBot.CustomerService;

internal sealed record CustomTextContent([property: JsonPropertyName("content")] string Content);
