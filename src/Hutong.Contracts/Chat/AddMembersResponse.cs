namespace Hutong.Contracts.Chat;

/// <summary>
/// Who joined at once, and who waits: for an admin's approval (the group asks for it) or for their own acceptance
/// (the group has more than 40 members).
/// </summary>
public sealed record AddMembersResponse(IReadOnlyList<string> Joined, IReadOnlyList<GroupInvitationInfo> Pending);
