namespace Hutong.Contracts.Chat;

/// <summary>An invitation into a group that waits for an admin's approval, the invitee's acceptance, or both.</summary>
public sealed record GroupInvitationInfo(
    string InvitationId,
    string ConversationId,
    string GroupName,
    string InviterId,
    string InviteeId,
    bool AwaitingApproval,
    bool AwaitingAcceptance,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
