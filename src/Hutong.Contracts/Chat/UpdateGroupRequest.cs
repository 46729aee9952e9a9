namespace Hutong.Contracts.Chat;

/// <summary><c>PATCH /api/v1/conversations/{id}</c>: a group's name or announcement; null leaves a field as it is.</summary>
public sealed record UpdateGroupRequest(string? Name, string? Announcement);
