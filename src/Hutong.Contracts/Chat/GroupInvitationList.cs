namespace Hutong.Contracts.Chat;

/// <summary>Open invitations the caller may answer: into groups (to accept) and from their groups (to approve).</summary>
public sealed record GroupInvitationList(IReadOnlyList<GroupInvitationInfo> Invitations);
