namespace Hutong.Contracts.Events;

/// <summary>
/// The person followed, unfollowed, muted or unmuted an official account (on any of their devices): their other devices
/// update the chat list and Subscriptions.
/// </summary>
public sealed record OfficialAccountEvent(string AccountId, bool Following, bool Muted) : UserEvent;
