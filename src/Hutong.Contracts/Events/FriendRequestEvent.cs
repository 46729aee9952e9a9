namespace Hutong.Contracts.Events;

/// <summary>
/// A friend request between this person and <see cref="UserId"/> was sent (either way: <c>pending</c>) or this
/// person's request was declined (<c>declined</c>); <see cref="State"/> is one of <c>FriendRequestStates</c>.
/// </summary>
public sealed record FriendRequestEvent(string RequestId, string UserId, string State) : UserEvent;
