namespace Hutong.Contracts.Chat.Content;

/// <summary>A shared place: WGS-84 coordinates with an optional name (up to 100 characters) and address (up to 200).</summary>
public sealed record LocationContent(double Latitude, double Longitude, string? Name = null, string? Address = null) : MessageContent;
