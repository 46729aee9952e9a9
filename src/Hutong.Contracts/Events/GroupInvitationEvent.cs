namespace Hutong.Contracts.Events;

/// <summary>
/// An invitation of <see cref="InviteeId"/> into a group waits for this person: to accept it (the invitee), or to
/// approve it (an admin).
/// </summary>
public sealed record GroupInvitationEvent(string ConversationId, string InvitationId, string InviteeId) : UserEvent;
