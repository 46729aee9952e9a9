namespace Hutong.Contracts.Chat;

/// <summary>A shared place: WGS-84 coordinates with an optional name and address.</summary>
public sealed record LocationInfo(double Latitude, double Longitude, string? Name, string? Address);
