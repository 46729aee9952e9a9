namespace Hutong.Chat.Messages;

/// <summary>A shared place.</summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.location")]
public sealed record LocationData(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Address);
