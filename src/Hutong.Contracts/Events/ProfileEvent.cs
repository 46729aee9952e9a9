namespace Hutong.Contracts.Events;

/// <summary>A friend (<see cref="UserId"/>), or this person themself, changed their name or avatar: fetch the profile again.</summary>
public sealed record ProfileEvent(string UserId) : UserEvent;
