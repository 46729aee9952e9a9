using System.Text.Json.Serialization;

namespace Booking.Platform;

/// <summary>
/// <c>POST /cgi-bin/message/subscribe/send</c>: one message to a person who accepted the template, each field as
/// <c>{"thing1":{"value":"…"}}</c>; <c>page</c> is where tapping the notice opens the app.
/// </summary>
internal sealed record SubscribeMessage(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("page")] string Page,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, SubscribeValue> Data);
