namespace Hutong.Contracts.Events;

/// <summary>
/// This person's tie with <see cref="UserId"/> changed; <see cref="Change"/> is one of <see cref="FriendChanges"/>.
/// On <c>added</c>, <see cref="RequestId"/> is the request that was accepted and <see cref="ConversationId"/> their
/// direct chat.
/// </summary>
public sealed record FriendsEvent(string UserId, string Change, string? RequestId = null, string? ConversationId = null) : UserEvent;
