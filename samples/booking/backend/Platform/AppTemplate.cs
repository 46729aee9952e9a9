using System.Text.Json.Serialization;

namespace Booking.Platform;

/// <summary>One of the app's templates; <c>content</c> names each field, as <c>Service:{{thing1.DATA}}\n</c>.</summary>
internal sealed record AppTemplate(
    [property: JsonPropertyName("priTmplId")] string PriTmplId,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("content")] string? Content);
