using System.Text.Json.Serialization;

namespace Booking.Platform;

/// <summary>One field's value in a subscribe message.</summary>
internal sealed record SubscribeValue([property: JsonPropertyName("value")] string Value);
