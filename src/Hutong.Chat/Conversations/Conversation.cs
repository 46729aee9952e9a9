namespace Hutong.Chat.Conversations;

/// <summary>
/// A conversation. A direct one records its pair in id order (<see cref="DirectLow"/>, <see cref="DirectHigh"/>) under a
/// unique index, so there is one per pair whoever opens it first.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.conversation")]
public sealed record Conversation(
    [property: Id(0)] Guid Id,
    [property: Id(1)] ConversationKind Kind,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Announcement,
    [property: Id(4)] Guid? DirectLow,
    [property: Id(5)] Guid? DirectHigh,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] bool Dissolved,
    [property: Id(8)] bool InviteApproval = false)
{
    /// <summary>A pair in the order a direct conversation records it.</summary>
    public static (Guid Low, Guid High) DirectPair(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);
}
