namespace Hutong.Contracts.Chat;

/// <summary>
/// <c>PATCH /api/v1/conversations/{id}</c>: a group's name, announcement, or whether admins approve newcomers; null
/// leaves a field as it is.
/// </summary>
public sealed record UpdateGroupRequest(string? Name, string? Announcement, bool? InviteApproval = null);
