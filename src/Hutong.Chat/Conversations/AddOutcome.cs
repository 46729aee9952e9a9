namespace Hutong.Chat.Conversations;

/// <summary>Who joined a group at once and whose invitations wait.</summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.add-outcome")]
public sealed record AddOutcome([property: Id(0)] IReadOnlyList<Guid> Joined, [property: Id(1)] IReadOnlyList<GroupInvitation> Pending);
