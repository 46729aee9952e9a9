namespace Hutong.Chat.Conversations;

/// <summary>
/// Someone invited into a group who cannot join yet: an admin must approve (the group asks for approval and a plain
/// member invited them), the invitee must accept (the group has more than 40 members), or both.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.invitation")]
public sealed record GroupInvitation(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] Guid InviterId,
    [property: Id(3)] Guid InviteeId,
    [property: Id(4)] bool AwaitingApproval,
    [property: Id(5)] bool AwaitingAcceptance,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset ExpiresAt,
    [property: Id(8)] InvitationState State);

public enum InvitationState
{
    Open = 0,
    Joined = 1,
    Declined = 2,
}
