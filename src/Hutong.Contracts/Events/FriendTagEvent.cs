namespace Hutong.Contracts.Events;

/// <summary>
/// The person created, changed or deleted one of their friend tags; <see cref="Change"/> is one of
/// <see cref="FriendTagChanges"/>. <see cref="Name"/> is the tag's name now (its last one, when deleted), and
/// <see cref="PreviousName"/> its name before a rename.
/// </summary>
public sealed record FriendTagEvent(string Name, string Change, string? PreviousName = null) : UserEvent;
