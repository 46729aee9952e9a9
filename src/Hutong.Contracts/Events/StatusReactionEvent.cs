using Hutong.Contracts.Social;

namespace Hutong.Contracts.Events;

/// <summary>Someone reacted to one of my statuses (told to me alone).</summary>
public sealed record StatusReactionEvent(string StatusId, StatusReaction Reaction) : UserEvent;
